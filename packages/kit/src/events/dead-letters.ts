import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './envelope';

/**
 * The dead letters of every consumer (table ops.dead_letter): events a consumer could not apply.
 * A letter is OPEN, RETRY_REQUESTED (an operator asked; the owning consumer retries it),
 * RESOLVED (applied on a retry) or DISCARDED (an operator gave up on it, with a reason).
 * Later events of the same aggregate are parked behind an open letter so the order holds.
 */
type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export const PARKED_PREFIX = 'Parked behind';

export async function recordDeadLetter(q: Query, consumer: string, event: EventEnvelope, attempts: number, error: string) {
  await q(
    `INSERT INTO ops.dead_letter
       (id, service, event_id, event_position, event_type, aggregate_type, aggregate_id, attempts, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (service, event_id) DO UPDATE
       SET attempts = ops.dead_letter.attempts + EXCLUDED.attempts, last_error = EXCLUDED.last_error,
           failed_at = clock_timestamp(), status = 'OPEN'`,
    [randomUUID(), consumer, event.id, event.position, event.type, event.aggregateType, event.aggregateId, attempts, error],
  );
}

export async function openDeadLetterCount(q: Query, consumer: string): Promise<number> {
  const [row] = await q(
    `SELECT count(*)::int AS open FROM ops.dead_letter WHERE service = $1 AND status IN ('OPEN', 'RETRY_REQUESTED')`,
    [consumer],
  );
  return row.open;
}

/** The open letter an event must wait behind: an earlier event of its aggregate. */
export async function parkedBehind(q: Query, consumer: string, event: EventEnvelope): Promise<string | null> {
  const rows = await q(
    `SELECT event_id FROM ops.dead_letter
      WHERE service = $1 AND aggregate_type = $2 AND aggregate_id = $3 AND status IN ('OPEN', 'RETRY_REQUESTED')
        AND event_position < $4 LIMIT 1`,
    [consumer, event.aggregateType, event.aggregateId, event.position],
  );
  return rows[0]?.event_id ?? null;
}

/** The events operators asked this consumer to retry, in log order, as stored on the log. */
export const retriesRequested = (q: Query, consumer: string) =>
  q(
    `SELECT e.* FROM ops.dead_letter d JOIN events.event_log e ON e.id = d.event_id
      WHERE d.service = $1 AND d.status = 'RETRY_REQUESTED' ORDER BY d.event_position`,
    [consumer],
  );

/** A retried event applied: its letter is resolved and the events parked behind it may follow. */
export async function resolveRetried(q: Query, consumer: string, event: EventEnvelope) {
  await q(
    `UPDATE ops.dead_letter SET status = 'RESOLVED', resolved_at = clock_timestamp(), resolution = 'retried'
      WHERE service = $1 AND event_id = $2`,
    [consumer, event.id],
  );
  await q(
    `UPDATE ops.dead_letter SET status = 'RETRY_REQUESTED'
      WHERE service = $1 AND aggregate_type = $2 AND aggregate_id = $3 AND status = 'OPEN' AND last_error LIKE $4`,
    [consumer, event.aggregateType, event.aggregateId, `${PARKED_PREFIX}%`],
  );
}

/** An operator's retry request; false when there is no open letter with this id. */
export async function requestRetry(q: Query, id: string): Promise<boolean> {
  const rows = await q(`UPDATE ops.dead_letter SET status = 'RETRY_REQUESTED' WHERE id::text = $1 AND status = 'OPEN' RETURNING id`, [id]);
  return rows.length > 0;
}

/** An operator gives up on a letter; false when there is no open letter with this id. */
export async function discardDeadLetter(q: Query, id: string, reason: string): Promise<boolean> {
  const rows = await q(
    `UPDATE ops.dead_letter SET status = 'DISCARDED', resolved_at = clock_timestamp(), resolution = $2
      WHERE id::text = $1 AND status IN ('OPEN', 'RETRY_REQUESTED') RETURNING id`,
    [id, `discarded: ${reason}`],
  );
  return rows.length > 0;
}

export async function deadLetterStatus(q: Query, id: string): Promise<string | null> {
  const [row] = await q(`SELECT status FROM ops.dead_letter WHERE id::text = $1`, [id]);
  return row?.status ?? null;
}
