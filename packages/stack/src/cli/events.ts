/**
 * Operator commands for the event log:
 *   npm run events -- status
 *   npm run events -- replay --consumer billing --from <position>
 * Replay moves a consumer back so it re-reads the log from a position. Events it already applied
 * are skipped by its processed-event record; events it never applied (no handler at the time,
 * discarded dead letters) are applied now. Works against DATABASE_URL, or the embedded database
 * of a running `npm start`.
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { replayConsumer, SERVICES, serviceDatabaseUrl, type ServiceName } from '@rg/kit';
import { DEFAULT_DATABASE } from '../database';

const adminUrl =
  process.env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 5433}/${DEFAULT_DATABASE}`;

async function withService<T>(service: ServiceName, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serviceDatabaseUrl(service, { ...process.env, DATABASE_URL: adminUrl }) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function status() {
  for (const service of SERVICES) {
    const rows = await withService(service, (c) =>
      c.query(
        `SELECT p.consumer, p.position, (SELECT COALESCE(max(position), 0) FROM events.event_log) AS latest,
                (SELECT count(*) FROM ops.dead_letter d WHERE d.service = p.consumer AND d.status IN ('OPEN','RETRY_REQUESTED')) AS dead
           FROM ${service}.consumer_position p`,
      ),
    ).catch(() => ({ rows: [] as any[] }));
    for (const r of rows.rows) {
      console.log(`${r.consumer.padEnd(10)} position ${r.position}  lag ${Number(r.latest) - Number(r.position)}  dead letters ${r.dead}`);
    }
  }
}

async function replay(consumer: string, from: number) {
  if (!SERVICES.includes(consumer as ServiceName)) throw new Error(`Unknown consumer ${consumer}. Consumers: ${SERVICES.join(', ')}`);
  const service = consumer as ServiceName;
  await withService(service, async (c) => {
    await c.query(`SET search_path = ${service}`);
    await replayConsumer(async (sql, params) => (await c.query(sql, params)).rows, consumer, from);
  });
  console.log(`${consumer} will re-read the log from position ${from}.`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { consumer: { type: 'string' }, from: { type: 'string' } },
  });
  const [command] = positionals;
  if (command === 'status') return status();
  if (command === 'replay') {
    if (!values.consumer || !values.from) throw new Error('usage: npm run events -- replay --consumer <name> --from <position>');
    return replay(values.consumer, Number(values.from));
  }
  throw new Error('usage: npm run events -- status | replay --consumer <name> --from <position>');
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
