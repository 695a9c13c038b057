import { appendEvents, createLogger, createServiceDataSource, KIT_TABLES_SQL, startConsumer, type EventEnvelope, type HandlerTx } from '@rg/kit';
import { createTestDatabase, serviceUrlFor } from '@rg/testkit';

export interface EventLogBenchResult {
  events: number;
  appendSeconds: number;
  totalSeconds: number;
  eventsPerSecondPerConsumer: number;
  maxLag: number;
  effects: Array<{ consumer: string; applied: number; distinct: number }>;
}

/**
 * Appends `events` events in transactions of 100 while two consumers apply them, each recording
 * an effect per event in its own transaction; measures throughput and the lag reached.
 */
export async function benchEventLog(events = 10_000): Promise<EventLogBenchResult> {
  const db = await createTestDatabase();
  const connect = (service: 'contract' | 'billing', poolSize: number) =>
    createServiceDataSource({ service, url: serviceUrlFor(db.adminUrl, service), entities: [], migrations: [], poolSize }).dataSource;
  const producer = connect('contract', 4);
  const consumerDs = connect('billing', 6);
  await producer.initialize();
  await consumerDs.initialize();
  try {
    await consumerDs.query(KIT_TABLES_SQL);
    await consumerDs.query(`CREATE TABLE effect (consumer text NOT NULL, event_id uuid NOT NULL)`);
    const effect = (consumer: string) => async (event: EventEnvelope, tx: HandlerTx) => {
      await tx.manager.query(`INSERT INTO effect (consumer, event_id) VALUES ($1, $2)`, [consumer, event.id]);
    };
    const consumers = await Promise.all(
      ['bench-a', 'bench-b'].map((name) =>
        startConsumer({ service: 'billing', name, dataSource: consumerDs, handlers: { Benchmarked: effect(name) }, log: createLogger(name), pollMs: 20 }),
      ),
    );
    let maxLag = 0;
    const sampling = setInterval(() => {
      void Promise.all(consumers.map((c) => c.status())).then((s) => (maxLag = Math.max(maxLag, ...s.map((x) => x.lag))));
    }, 200);
    const started = Date.now();
    for (let batch = 0; batch < events / 100; batch++) {
      await producer.transaction((m) =>
        appendEvents(
          m,
          Array.from({ length: 100 }, (_, i) => ({
            type: 'Benchmarked',
            aggregateType: 'Thing',
            aggregateId: `thing-${(batch * 100 + i) % 97}`,
            payload: { n: batch * 100 + i },
          })),
          { producer: 'contract', correlationId: 'bench' },
        ),
      );
    }
    const appended = Date.now();
    const counts = async () =>
      (await consumerDs.query(
        `SELECT consumer, count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct FROM effect GROUP BY consumer ORDER BY consumer`,
      )) as EventLogBenchResult['effects'];
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      const c = await counts();
      if (c.length === 2 && c.every((x) => x.applied >= events)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const finished = Date.now();
    clearInterval(sampling);
    for (const c of consumers) await c.stop();
    const totalSeconds = (finished - started) / 1000;
    return {
      events,
      appendSeconds: (appended - started) / 1000,
      totalSeconds,
      eventsPerSecondPerConsumer: Math.round(events / totalSeconds),
      maxLag,
      effects: await counts(),
    };
  } finally {
    await producer.destroy();
    await consumerDs.destroy();
    await db.drop();
  }
}
