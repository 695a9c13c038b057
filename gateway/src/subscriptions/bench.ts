/**
 * Subscription benchmark: N graphql-ws subscribers (each its own connection, in a worker thread so
 * clients and gateway do not share one core) hold `paymentEvents { … customer { name } }` while
 * M events are appended to the log at a steady rate. Every subscriber must receive every event;
 * latency is from the event's commit (committed_at, written by the same statement) to its
 * arrival at the subscriber. Each event's payload is resolved through the federated graph once
 * for the whole group of identical subscriptions.
 *
 *   tsx --tsconfig packages/tsconfig.base.json gateway/src/subscriptions/bench.ts [subscribers=1000] [events=1000] [events/s=20]
 *   (the subgraphs' TypeORM entities need the shared compiler options; without TEST_DATABASE_URL it
 *   starts a throw-away embedded PostgreSQL, like the tests)
 */
import { Worker } from 'node:worker_threads';
import { EVENT_APPEND_LOCK } from '@rg/kit';
import { startTestStack, type TestStack } from '@rg/testkit';
import startPostgres from '@rg/testkit/src/global-setup';
import stopPostgres from '@rg/testkit/src/global-teardown';
import { encodeCursor } from './cursor';

export interface SubscriptionBenchResult {
  subscribers: number;
  events: number;
  eventsPerSecond: number;
  delivered: number;
  expected: number;
  resolutions: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
}

const QUERY = `subscription($after: String) { paymentEvents(after: $after) { cursor type occurredAt customer { name } } }`;

/** The subscribers: plain JavaScript, run in a worker thread. */
const SUBSCRIBERS = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require('ws');
const { createClient } = require('graphql-ws');
const { url, token, count, events, query, after } = workerData;
const latencies = new Float64Array(count * events);
let received = 0, subscribed = 0, wrong = 0;
const clients = [];
for (let i = 0; i < count; i++) {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: true });
  clients.push(client);
  let n = 0;
  client.subscribe({ query, variables: { after } }, {
    next(result) {
      const e = result.data && result.data.paymentEvents;
      if (!e || e.customer.name !== 'Bench Customer') { wrong++; return; }
      latencies[received++] = Date.now() - Date.parse(e.occurredAt);
      n++;
      if (received === count * events) parentPort.postMessage({ done: true, received, wrong, latencies }, [latencies.buffer]);
    },
    error(err) { wrong++; parentPort.postMessage({ error: String(err && err.message || err) }); },
    complete() {},
  });
  subscribed++;
}
parentPort.on('message', (m) => {
  if (m === 'report') parentPort.postMessage({ progress: true, received, wrong });
  if (m === 'stop') Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
});
`;

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchSubscriptions(subscribers = 1000, events = 1000, eventsPerSecond = 20): Promise<SubscriptionBenchResult> {
  const stack: TestStack = await startTestStack({ services: ['customer'] });
  try {
    const created = await stack.as('admin').gql(
      `mutation { createCustomer(input: { name: "Bench Customer", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
    );
    const customerId = created.data.createCustomer.customer.id as string;
    const [{ head }] = await stack.sql<{ head: string }>(`SELECT COALESCE(max(position), 0)::text AS head FROM events.event_log`);

    const worker = new Worker(SUBSCRIBERS, {
      eval: true,
      workerData: {
        url: stack.gatewayUrl.replace(/^http/, 'ws'),
        token: await stack.as('finance').token(),
        count: subscribers,
        events,
        query: QUERY,
        after: encodeCursor(head),
      },
    });
    const done = new Promise<{ received: number; wrong: number; latencies: Float64Array }>((resolve, reject) => {
      worker.on('message', (m) => {
        if (m.done) resolve(m);
        if (m.error) reject(new Error(`subscriber error: ${m.error}`));
      });
      worker.on('error', reject);
    });

    const active = async () =>
      (await stack.gateway.metrics.getSingleMetric('graphql_subscriptions_active')!.get()).values.reduce((s, v) => s + v.value, 0);
    const readyBy = Date.now() + 60_000;
    while ((await active()) < subscribers) {
      if (Date.now() > readyBy) throw new Error(`only ${await active()} of ${subscribers} subscribers started`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const started = Date.now();
    const interval = 1000 / eventsPerSecond;
    for (let i = 0; i < events; i++) {
      const due = started + i * interval;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      await stack.sql(
        `WITH lock AS (SELECT pg_advisory_xact_lock($1)),
              appended AS (
                INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
                SELECT gen_random_uuid(), 'PaymentSettled', 1, 'bench', 'Payment', $2, 'bench', clock_timestamp(), $3::jsonb FROM lock
                RETURNING position)
         SELECT pg_notify('event_log', 'bench') FROM appended`,
        [
          EVENT_APPEND_LOCK,
          `pay_bench_${i}`,
          JSON.stringify({ paymentId: `pay_bench_${i}`, customerId, invoiceId: null, legalEntityCode: 'US01', currency: 'USD', amountMinor: '100', applications: [], unappliedMinor: '100' }),
        ],
      );
    }
    const timeout = setTimeout(() => worker.postMessage('report'), 120_000);
    const progress = new Promise<never>((_, reject) =>
      worker.on('message', (m) => m.progress && reject(new Error(`timed out: ${m.received} of ${subscribers * events} delivered, ${m.wrong} wrong`))),
    );
    const result = await Promise.race([done, progress]);
    clearTimeout(timeout);
    const seconds = (Date.now() - started) / 1000;
    worker.postMessage('stop');
    await new Promise((r) => worker.once('exit', r));

    const sorted = result.latencies.sort();
    const resolutions = (await stack.gateway.metrics.getSingleMetric('graphql_subscription_resolutions_total')!.get()).values.reduce(
      (s, v) => s + v.value,
      0,
    );
    return {
      subscribers,
      events,
      eventsPerSecond,
      delivered: result.received,
      expected: subscribers * events,
      resolutions,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1],
      seconds,
    };
  } finally {
    await stack.stop();
  }
}

export const formatSubscriptionBench = (r: SubscriptionBenchResult) =>
  `subscriptions: ${r.subscribers} subscribers x ${r.events} events at ${r.eventsPerSecond}/s: ${r.delivered} of ${r.expected} delivered ` +
  `in ${r.seconds.toFixed(1)}s, ${r.resolutions} federated resolutions; commit-to-delivery p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`;

async function main() {
  const [subscribers, events, rate] = process.argv.slice(2).map(Number);
  process.env.LOG_LEVEL ??= 'silent';
  let teardown: (() => Promise<void>) | null = null;
  if (!process.env.TEST_DATABASE_URL) {
    await startPostgres();
    teardown = stopPostgres;
  }
  try {
    const result = await benchSubscriptions(subscribers || 1000, events || 1000, rate || 20);
    console.log(formatSubscriptionBench(result));
    if (result.delivered !== result.expected) process.exitCode = 1;
  } finally {
    await teardown?.();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
