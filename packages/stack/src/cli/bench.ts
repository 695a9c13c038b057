/**
 * `npm run bench`: performance figures on a throw-away embedded PostgreSQL.
 *   npm run bench                 every benchmark
 *   npm run bench -- events       the event log: 10,000 events through two consumers
 *   npm run bench -- subscriptions  1,000 subscribers × 1,000 events, commit-to-delivery latency
 */
import { fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, REPO_ROOT } from '../paths';
import { benchEventLog } from '../bench/event-log';
import { benchSubscriptions, formatSubscriptionBench } from '@rg/gateway/src/subscriptions/bench';

async function startPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = join(DATA_DIR, `bench-pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const child = fork(join(REPO_ROOT, 'packages/testkit/src/postgres-process.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) => (m.url ? resolve(m.url) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.send('stop');
      }),
  };
}

const BENCHES: Record<string, () => Promise<void>> = {
  async subscriptions() {
    console.log(formatSubscriptionBench(await benchSubscriptions()));
  },
  async events() {
    const r = await benchEventLog(10_000);
    console.log(
      `events: ${r.events} events appended in ${r.appendSeconds.toFixed(1)}s; two consumers applied them in ${r.totalSeconds.toFixed(1)}s ` +
        `= ${r.eventsPerSecondPerConsumer} events/s per consumer; max lag ${r.maxLag}; ` +
        r.effects.map((e) => `${e.consumer} ${e.applied} applied (${e.distinct} distinct)`).join(', '),
    );
  },
};

async function main() {
  const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = which.length ? which : Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}. Benchmarks: ${Object.keys(BENCHES).join(', ')}`);
  const pg = await startPostgres();
  process.env.TEST_DATABASE_URL = pg.url;
  process.env.LOG_LEVEL ??= 'silent';
  try {
    for (const name of names) await BENCHES[name]();
  } finally {
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
