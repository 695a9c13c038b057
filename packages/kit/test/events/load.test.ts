import { eventsHarness, recordEffect } from './fixtures/harness';

const EVENTS = 10_000;

describe('event log under load', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  test(`${EVENTS} events through two consumers: every one applied once by each`, async () => {
    const a = await h.consumer('load-a', { Loaded: recordEffect('load-a') }, { pollMs: 20 });
    const b = await h.consumer('load-b', { Loaded: recordEffect('load-b') }, { pollMs: 20 });
    let maxLag = 0;
    const started = Date.now();
    const producing = (async () => {
      for (let batch = 0; batch < EVENTS / 100; batch++) {
        await h.append(
          Array.from({ length: 100 }, (_, i) => ({
            type: 'Loaded',
            aggregateType: 'Thing',
            aggregateId: `load-${(batch * 100 + i) % 97}`,
            payload: { n: batch * 100 + i + 1 },
          })),
        );
      }
    })();
    const sampling = setInterval(() => {
      void Promise.all([a.status(), b.status()]).then(([sa, sb]) => (maxLag = Math.max(maxLag, sa.lag, sb.lag)));
    }, 200);
    await producing;
    const produced = Date.now();
    const counts = async () =>
      (await h.consumerDs.query(`SELECT consumer, count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effect WHERE consumer LIKE 'load-%' GROUP BY consumer ORDER BY consumer`)) as Array<{ consumer: string; n: number; d: number }>;
    await h.waitFor(async () => (await counts()).every((c) => c.n === EVENTS) && (await counts()).length === 2, 240_000);
    clearInterval(sampling);
    const seconds = (Date.now() - started) / 1000;
    expect(await counts()).toEqual([
      { consumer: 'load-a', n: EVENTS, d: EVENTS },
      { consumer: 'load-b', n: EVENTS, d: EVENTS },
    ]);
    console.log(
      `event load: ${EVENTS} events appended in ${((produced - started) / 1000).toFixed(1)}s; ` +
        `both consumers done in ${seconds.toFixed(1)}s = ${Math.round((2 * EVENTS) / seconds)} deliveries/s ` +
        `(${Math.round(EVENTS / seconds)} events/s per consumer); max lag ${maxLag} events`,
    );
    await a.stop();
    await b.stop();
  }, 300_000);
});
