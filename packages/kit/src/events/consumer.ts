import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { Counter, Gauge, type Registry } from 'prom-client';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor';
import { runInScope } from '../context';
import { writeAudit, type AuditEntry } from '../mutation';
import type { Logger } from '../logger';
import { appendEvents } from './outbox';
import { EVENT_CHANNEL, rowToEnvelope, type EventEnvelope, type NewEvent } from './envelope';
import { openDeadLetterCount, PARKED_PREFIX, parkedBehind, recordDeadLetter, resolveRetried, retriesRequested } from './dead-letters';

/** What a handler may do: write in the consumer's transaction, emit follow-up events, audit. */
export interface HandlerTx {
  manager: EntityManager;
  event: EventEnvelope;
  emit(event: NewEvent): void;
  audit(entry: AuditEntry): void;
}

export type EventHandler = (event: EventEnvelope, tx: HandlerTx) => Promise<void>;
export type EventHandlers = Record<string, EventHandler>;

/** A failure that retrying cannot fix (unknown payload version, malformed event): dead-letter at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/**
 * Routes an event to the handler of its payload version. Older versions are upgraded step by
 * step by `upgrades[v]` (v → v+1) before the current handler runs; unknown versions dead-letter.
 */
export function versioned<P>(
  current: number,
  handle: (payload: P, event: EventEnvelope, tx: HandlerTx) => Promise<void>,
  upgrades: Record<number, (payload: any) => any> = {},
): EventHandler {
  return async (event, tx) => {
    let payload: unknown = event.payload;
    let version = event.version;
    if (version > current) {
      throw new PermanentEventError(`${event.type} version ${version} is newer than the supported version ${current}`);
    }
    while (version < current) {
      const up = upgrades[version];
      if (!up) throw new PermanentEventError(`${event.type} version ${version} cannot be upgraded to ${current}`);
      payload = up(payload);
      version += 1;
    }
    await handle(payload as P, event, tx);
  };
}

export interface ConsumerStatus {
  consumer: string;
  position: string;
  latest: string;
  lag: number;
  processed: number;
  failures: number;
  deadLetters: number;
  running: boolean;
}

export interface ConsumerHandle {
  name: string;
  status(): Promise<ConsumerStatus>;
  /** Processes everything available now; resolves when caught up (tests, replays). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface ConsumerOptions {
  service: string;
  name?: string;
  dataSource: DataSource;
  handlers: EventHandlers;
  log: Logger;
  metrics?: Registry;
  maxAttempts?: number;
  baseBackoffMs?: number;
  pollMs?: number;
  batchSize?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startConsumer(opts: ConsumerOptions): Promise<ConsumerHandle> {
  const name = opts.name ?? opts.service;
  const maxAttempts = opts.maxAttempts ?? Number(process.env.CONSUMER_MAX_ATTEMPTS ?? 5);
  const baseBackoffMs = opts.baseBackoffMs ?? 100;
  const pollMs = opts.pollMs ?? 1000;
  const batchSize = opts.batchSize ?? 200;
  const ds = opts.dataSource;
  const query = (sql: string, params?: unknown[]) => ds.query(sql, params);
  const { log } = opts;
  const actor: Actor = { ...SYSTEM_ACTOR, sub: `consumer:${name}` };

  let processed = 0;
  let failures = 0;
  const labels = { consumer: name };
  const m = opts.metrics
    ? {
        processed: new Counter({ name: 'events_processed_total', help: 'Events processed', labelNames: ['consumer'], registers: [opts.metrics] }),
        failures: new Counter({ name: 'event_handler_failures_total', help: 'Handler failures', labelNames: ['consumer'], registers: [opts.metrics] }),
        deadLetters: new Gauge({ name: 'event_dead_letters_open', help: 'Open dead letters', labelNames: ['consumer'], registers: [opts.metrics] }),
        lag: new Gauge({ name: 'event_consumer_lag', help: 'Latest log position minus consumer position', labelNames: ['consumer'], registers: [opts.metrics] }),
      }
    : null;

  await ds.query(`INSERT INTO consumer_position (consumer) VALUES ($1) ON CONFLICT DO NOTHING`, [name]);

  let running = true;
  let wake: (() => void) | null = null;
  let pending = true;

  // A dedicated session: it listens for wake-ups and holds the lock that makes this the only
  // active instance of the consumer across replicas. When the session is lost, so is the lock:
  // this instance stops leading until a new session wins the lock again.
  const lockKey = `consumer:${(ds.options as { schema?: string }).schema ?? ''}:${name}`;
  let listener: Client | null = null;
  let isLeader = false;
  async function connectListener(): Promise<Client> {
    const client = new Client({ connectionString: (ds.options as { url: string }).url, application_name: `event-listener:${name}` });
    client.on('error', (err: Error & { code?: string }) => {
      // 57P01: the server is shutting down, as on every stop of a local stack.
      if (err.code === '57P01') log.info('event listener closed by the server');
      else log.warn({ err: err.message }, 'event listener connection lost');
      if (listener === client) {
        listener = null;
        isLeader = false;
      }
      client.end().catch(() => {});
    });
    client.on('notification', () => {
      pending = true;
      wake?.();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    return client;
  }
  async function lead(): Promise<boolean> {
    listener ??= await connectListener();
    const { rows } = await listener.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [lockKey]);
    return rows[0].ok as boolean;
  }
  listener = await connectListener();

  /** Applies the event and acknowledges it (moves the position to it) in one transaction. */
  async function handleOnce(event: EventEnvelope, handler: EventHandler, acknowledge: boolean): Promise<void> {
    await runInScope({ correlationId: event.correlationId, causationId: event.id, actor }, () =>
      ds.transaction(async (manager) => {
        const fresh = await manager.query(
          `INSERT INTO processed_event (consumer, event_id, position) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [name, event.id, event.position],
        );
        // Already applied (a redelivery or a replay): no second effect, only the acknowledgement.
        if (fresh.length > 0) {
          const emitted: NewEvent[] = [];
          const audits: AuditEntry[] = [];
          await handler(event, { manager, event, emit: (e) => emitted.push(e), audit: (a) => audits.push(a) });
          await writeAudit(manager, opts.service, actor, event.correlationId, audits);
          await appendEvents(manager, emitted, {
            producer: opts.service,
            correlationId: event.correlationId,
            causationId: event.id,
          });
        }
        if (acknowledge) await advance(event.position, manager);
      }),
    );
  }

  async function advance(position: string, manager: Pick<EntityManager, 'query'> = ds) {
    await manager.query(
      `UPDATE consumer_position SET position = GREATEST(position, $2::bigint), updated_at = now() WHERE consumer = $1`,
      [name, position],
    );
  }

  async function deadLetter(event: EventEnvelope, attempts: number, error: string) {
    await recordDeadLetter(query, name, event, attempts, error);
    openDeadLetters += 1;
    log.error({ eventId: event.id, type: event.type, attempts, error }, 'event dead-lettered');
  }

  /** Applies one event with retries; returns false when it went to the dead letters. */
  async function deliver(event: EventEnvelope, handler: EventHandler, attemptsAllowed: number, acknowledge: boolean): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await handleOnce(event, handler, acknowledge);
        processed += 1;
        m?.processed.inc(labels);
        return true;
      } catch (err) {
        failures += 1;
        m?.failures.inc(labels);
        const message = err instanceof Error ? err.message : String(err);
        const permanent = err instanceof PermanentEventError;
        log.warn({ eventId: event.id, type: event.type, attempt, error: message }, 'event handler failed');
        if (permanent || attempt >= attemptsAllowed) {
          await deadLetter(event, attempt, message);
          return false;
        }
        await sleep(baseBackoffMs * 2 ** (attempt - 1));
      }
    }
  }

  // Open dead letters of this consumer; while there are none, no event can be parked behind one.
  let openDeadLetters = 0;

  async function processBatch(): Promise<number> {
    const [{ position }] = await ds.query(`SELECT position FROM consumer_position WHERE consumer = $1`, [name]);
    const rows = await ds.query(
      `SELECT * FROM events.event_log WHERE position > $1 ORDER BY position LIMIT $2`,
      [position, batchSize],
    );
    openDeadLetters = await openDeadLetterCount(query, name);
    let unacknowledged: string | null = null;
    for (const row of rows) {
      if (!running) break;
      const event = rowToEnvelope(row);
      const handler = opts.handlers[event.type];
      if (!handler) {
        unacknowledged = event.position; // acknowledged with the next applied event, or below
        continue;
      }
      // Events of an aggregate stay in order: one behind a dead letter waits there with it.
      const blocker = openDeadLetters > 0 ? await parkedBehind(query, name, event) : null;
      if (blocker) {
        await deadLetter(event, 0, `${PARKED_PREFIX} dead-lettered event ${blocker} of the same ${event.aggregateType}`);
      } else if (await deliver(event, handler, maxAttempts, true)) {
        unacknowledged = null;
        continue;
      }
      await advance(event.position);
      unacknowledged = null;
    }
    if (unacknowledged) await advance(unacknowledged);
    return rows.length;
  }

  async function processRetries(): Promise<void> {
    for (const row of await retriesRequested(query, name)) {
      const event = rowToEnvelope(row);
      const handler = opts.handlers[event.type];
      if (handler && (await deliver(event, handler, 1, false))) await resolveRetried(query, name, event);
    }
  }

  let draining: Promise<void> | null = null;
  async function drain(): Promise<void> {
    if (draining) return draining;
    draining = (async () => {
      try {
        if (!isLeader) isLeader = await lead();
        if (!isLeader) return;
        do {
          pending = false;
          await processRetries();
          while (running && (await processBatch()) > 0) {
            /* keep going until caught up */
          }
        } while (running && pending);
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  const loop = (async () => {
    while (running) {
      try {
        await drain();
      } catch (err) {
        log.error({ err }, 'consumer loop error');
        await sleep(baseBackoffMs);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  async function status(): Promise<ConsumerStatus> {
    const [row] = await ds.query(
      `SELECT c.position,
              (SELECT COALESCE(max(position), 0) FROM events.event_log) AS latest,
              (SELECT count(*) FROM ops.dead_letter WHERE service = $1 AND status IN ('OPEN','RETRY_REQUESTED')) AS dead
         FROM consumer_position c WHERE c.consumer = $1`,
      [name],
    );
    const lag = Number(row.latest) - Number(row.position);
    m?.lag.set(labels, lag);
    m?.deadLetters.set(labels, Number(row.dead));
    return {
      consumer: name,
      position: String(row.position),
      latest: String(row.latest),
      lag,
      processed,
      failures,
      deadLetters: Number(row.dead),
      running,
    };
  }

  return {
    name,
    status,
    drain,
    async stop() {
      running = false;
      wake?.();
      await loop;
      await listener?.end().catch(() => {});
    },
  };
}
