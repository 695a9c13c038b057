/**
 * `npm run bench`: performance figures on a throw-away embedded PostgreSQL.
 *   npm run bench                 every benchmark
 *   npm run bench -- events       the event log: 10,000 events through two consumers
 *   npm run bench -- subscriptions  1,000 subscribers × 1,000 events, commit-to-delivery latency
 */
import { join } from 'node:path';
import { startThrowawayPostgres } from '@rg/testkit';
import { DATA_DIR } from '../paths';
import { benchEventLog } from '../bench/event-log';
import { benchSubscriptions, formatSubscriptionBench } from '@rg/gateway/src/subscriptions/bench';

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
  const pg = await startThrowawayPostgres(join(DATA_DIR, `bench-pg-${process.pid}`));
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
