import { Client } from 'pg';
import { appendEvents, EVENT_APPEND_LOCK, replayConsumer } from '../../src';
import { serviceUrlFor } from '@rg/testkit';
import { eventsHarness, recordEffect, testEvent } from './fixtures/harness';

describe('event log delivery', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  test('a rolled-back transaction emits nothing; a committed one reaches every consumer exactly once', async () => {
    const a = await h.consumer('deliver-a', { ThingHappened: recordEffect('deliver-a') });
    const b = await h.consumer('deliver-b', { ThingHappened: recordEffect('deliver-b') });
    await expect(
      h.producer.transaction(async (m) => {
        await appendEvents(m, [testEvent(999)], { producer: 'contract', correlationId: 'rolled-back' });
        throw new Error('business rule failed after the append');
      }),
    ).rejects.toThrow('business rule failed');
    await h.append([testEvent(1), testEvent(2)], 'corr-1');
    await h.waitFor(async () => (await h.effects('deliver-a')).length === 2 && (await h.effects('deliver-b')).length === 2);
    await a.drain();
    await b.drain();
    expect((await h.effects('deliver-a')).map((e) => e.n)).toEqual([1, 2]);
    expect((await h.effects('deliver-b')).map((e) => e.n)).toEqual([1, 2]);
    const [{ n }] = await h.producer.query(`SELECT count(*)::int AS n FROM events.event_log WHERE correlation_id = 'rolled-back'`);
    expect(n).toBe(0);
    await a.stop();
    await b.stop();
  });

  test('a transaction that appended first but would commit later is not skipped', async () => {
    const consumer = await h.consumer('gap', { GapTested: recordEffect('gap') }, { pollMs: 5 });
    const url = serviceUrlFor(h.db.adminUrl, 'contract');
    const first = new Client({ connectionString: url });
    const second = new Client({ connectionString: url });
    await first.connect();
    await second.connect();
    try {
      const insert = (c: Client, n: number) =>
        c.query(
          `SELECT pg_advisory_xact_lock(${EVENT_APPEND_LOCK});
           INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
           VALUES (gen_random_uuid(), 'GapTested', 1, 'contract', 'Thing', 'gap-${n}', 'gap', now(), '{"n": ${n}}');
           SELECT pg_notify('event_log', 'contract');`,
        );
      await first.query('BEGIN');
      await insert(first, 100);
      await second.query('BEGIN');
      // The second transaction tries to append and to commit while the first is still open.
      const secondDone = insert(second, 101).then(() => second.query('COMMIT')).then(() => Date.now());
      await new Promise((r) => setTimeout(r, 300));
      // Meanwhile the consumer has been polling: it must not have moved past the open transaction.
      expect(await h.effects('gap')).toEqual([]);
      const firstCommittedAt = Date.now();
      await first.query('COMMIT');
      const secondCommittedAt = await secondDone;
      expect(secondCommittedAt).toBeGreaterThanOrEqual(firstCommittedAt);
      await h.waitFor(async () => (await h.effects('gap')).length === 2);
      expect((await h.effects('gap')).map((e) => e.n)).toEqual([100, 101]);
      const positions = await h.producer.query(
        `SELECT payload->>'n' AS n FROM events.event_log WHERE correlation_id = 'gap' ORDER BY position`,
      );
      expect(positions.map((p: { n: string }) => p.n)).toEqual(['100', '101']);
    } finally {
      await first.end();
      await second.end();
      await consumer.stop();
    }
  });

  test('a consumer stopped for a while catches up with nothing missed, in order', async () => {
    const handlers = { CaughtUp: recordEffect('catch-up') };
    const c1 = await h.consumer('catch-up', handlers);
    await h.append([testEvent(1, 'cu', 'CaughtUp')]);
    await h.waitFor(async () => (await h.effects('catch-up')).length === 1);
    await c1.stop();
    for (let i = 2; i <= 40; i++) await h.append([testEvent(i, `cu-${i % 3}`, 'CaughtUp')]);
    expect(await h.effects('catch-up')).toHaveLength(1);
    const c2 = await h.consumer('catch-up', handlers);
    await h.waitFor(async () => (await h.effects('catch-up')).length === 40);
    expect((await h.effects('catch-up')).map((e) => e.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const status = await c2.status();
    expect(status.lag).toBe(0);
    await c2.stop();
  });

  test('only one instance of a consumer is active across replicas', async () => {
    const handlers = { Replicated: recordEffect('replicated') };
    const one = await h.consumer('replicated', handlers, { pollMs: 10 });
    const two = await h.consumer('replicated', handlers, { pollMs: 10 });
    for (let i = 1; i <= 30; i++) await h.append([testEvent(i, `r-${i}`, 'Replicated')]);
    await h.waitFor(async () => (await h.effects('replicated')).length === 30);
    await new Promise((r) => setTimeout(r, 100));
    expect((await h.effects('replicated')).map((e) => e.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await one.stop();
    await two.stop();
  });
});

describe('replay', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  test('re-delivers from a position: applied events stay applied once, never-applied ones are applied', async () => {
    // At first the consumer only handles Alpha; Beta events pass by unhandled.
    const first = await h.consumer('replayed', { Alpha: recordEffect('replayed') });
    const [{ from }] = await h.producer.query(`SELECT COALESCE(max(position), 0) + 1 AS from FROM events.event_log`);
    await h.append([testEvent(1, 'r', 'Alpha'), testEvent(2, 'r', 'Beta'), testEvent(3, 'r', 'Alpha')]);
    await h.waitFor(async () => (await first.status()).lag === 0 && (await h.effects('replayed')).length === 2);
    await first.stop();

    // A Beta handler is added; replaying from before them applies the Betas and only them.
    const second = await h.consumer('replayed', { Alpha: recordEffect('replayed'), Beta: recordEffect('replayed') });
    await replayConsumer((sql, params) => h.consumerDs.query(sql, params), 'replayed', Number(from));
    await h.waitFor(async () => (await h.effects('replayed')).length === 3);
    await second.drain();
    expect((await h.effects('replayed')).map((e) => e.n)).toEqual([1, 2, 3]);
    await expect(replayConsumer((sql, params) => h.consumerDs.query(sql, params), 'nobody', 1)).rejects.toThrow(/never run/);
    await second.stop();
  });
});

describe('a consumer that loses its database session', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  const killListener = async (consumer: string) => {
    const admin = new Client({ connectionString: h.db.adminUrl });
    await admin.connect();
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [`event-listener:${consumer}`],
    );
    await admin.end();
    return rowCount;
  };

  test('gives up leading, and the instance that takes over applies every event once, in order', async () => {
    const handlers = { Reconnected: recordEffect('reconnect') };
    const first = await h.consumer('reconnect', handlers, { pollMs: 20 });
    await h.append([testEvent(1, 'rc', 'Reconnected')]);
    await h.waitFor(async () => (await h.effects('reconnect')).length === 1);
    expect(await killListener('reconnect')).toBe(1);
    const second = await h.consumer('reconnect', handlers, { pollMs: 20 });
    for (let i = 2; i <= 20; i++) await h.append([testEvent(i, 'rc', 'Reconnected')]);
    await h.waitFor(async () => (await h.effects('reconnect')).length === 20);
    await new Promise((r) => setTimeout(r, 200));
    expect((await h.effects('reconnect')).map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await first.stop();
    await second.stop();
  });

  test('alone, it reconnects and goes on', async () => {
    const c = await h.consumer('alone', { Alone: recordEffect('alone') }, { pollMs: 20 });
    await h.append([testEvent(1, 'al', 'Alone')]);
    await h.waitFor(async () => (await h.effects('alone')).length === 1);
    expect(await killListener('alone')).toBe(1);
    await h.append([testEvent(2, 'al', 'Alone')]);
    await h.waitFor(async () => (await h.effects('alone')).length === 2);
    expect((await c.status()).lag).toBe(0);
    await c.stop();
  });
});
