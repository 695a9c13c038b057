import { PermanentEventError, versioned, type EventEnvelope, type HandlerTx } from '../../src';
import { eventsHarness, recordEffect, testEvent } from './fixtures/harness';

describe('failing handlers, dead letters and payload versions', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  const deadLetters = (consumer: string) =>
    h.producer.query(
      `SELECT event_type, aggregate_id, attempts, last_error, status FROM ops.dead_letter WHERE service = $1 ORDER BY event_position`,
      [consumer],
    );

  test('a handler failing N times dead-letters the event, parks its aggregate and lets others through; a retry applies it once', async () => {
    let broken = true;
    let calls = 0;
    const effect = recordEffect('flaky');
    const c = await h.consumer(
      'flaky',
      {
        Flaky: async (event: EventEnvelope, tx: HandlerTx) => {
          if (event.aggregateId === 'bad' && broken) {
            calls += 1;
            throw new Error('downstream rule rejected the payload');
          }
          await effect(event, tx);
        },
      },
      { maxAttempts: 4 },
    );
    await h.append([testEvent(1, 'bad', 'Flaky')]);
    await h.append([testEvent(2, 'good', 'Flaky')]);
    await h.append([testEvent(3, 'bad', 'Flaky')]);
    await h.append([testEvent(4, 'good', 'Flaky')]);
    await h.waitFor(async () => (await h.effects('flaky')).length === 2 && (await c.status()).lag === 0);
    expect(calls).toBe(4);
    expect((await h.effects('flaky')).map((e) => e.n)).toEqual([2, 4]);
    expect(await deadLetters('flaky')).toEqual([
      { event_type: 'Flaky', aggregate_id: 'bad', attempts: 4, last_error: 'downstream rule rejected the payload', status: 'OPEN' },
      expect.objectContaining({ aggregate_id: 'bad', attempts: 0, status: 'OPEN', last_error: expect.stringMatching(/^Parked behind/) }),
    ]);
    expect((await c.status()).deadLetters).toBe(2);

    // The cause is fixed; an operator retries the first: it applies once, and the parked one follows.
    broken = false;
    await h.producer.query(`UPDATE ops.dead_letter SET status = 'RETRY_REQUESTED' WHERE service = 'flaky' AND attempts = 4`);
    await c.drain();
    await h.waitFor(async () => (await h.effects('flaky')).length === 4);
    await c.drain();
    expect((await h.effects('flaky')).map((e) => e.n).sort()).toEqual([1, 2, 3, 4]);
    expect((await deadLetters('flaky')).map((d: { status: string }) => d.status)).toEqual(['RESOLVED', 'RESOLVED']);
    // A second retry request of a resolved event has no second effect.
    await h.producer.query(`UPDATE ops.dead_letter SET status = 'RETRY_REQUESTED' WHERE service = 'flaky'`);
    await c.drain();
    expect(await h.effects('flaky')).toHaveLength(4);
    await c.stop();
  });

  test('older payload versions are upgraded; unknown versions dead-letter at once with a clear error', async () => {
    const seen: Array<{ n: number; unit: string }> = [];
    const c = await h.consumer('versions', {
      Priced: versioned<{ n: number; unit: string }>(
        2,
        async (payload) => {
          seen.push(payload);
        },
        { 1: (v1: { n: number }) => ({ ...v1, unit: 'each' }) },
      ),
    });
    await h.append([{ ...testEvent(1, 'p', 'Priced', 1) }]);
    await h.append([{ type: 'Priced', version: 2, aggregateType: 'Thing', aggregateId: 'p', payload: { n: 2, unit: 'month' } }]);
    await h.append([{ type: 'Priced', version: 3, aggregateType: 'Thing', aggregateId: 'q', payload: { n: 3 } }]);
    await h.waitFor(async () => (await c.status()).lag === 0 && (await deadLetters('versions')).length === 1);
    expect(seen).toEqual([
      { n: 1, unit: 'each' },
      { n: 2, unit: 'month' },
    ]);
    expect(await deadLetters('versions')).toEqual([
      expect.objectContaining({ attempts: 1, last_error: 'Priced version 3 is newer than the supported version 2' }),
    ]);
    await c.stop();
  });

  test('a permanent error skips the retries', async () => {
    let calls = 0;
    const c = await h.consumer('permanent', {
      Malformed: async () => {
        calls += 1;
        throw new PermanentEventError('payload has no customer');
      },
    });
    await h.append([testEvent(1, 'm', 'Malformed')]);
    await h.waitFor(async () => (await deadLetters('permanent')).length === 1);
    expect(calls).toBe(1);
    await c.stop();
  });
});
