import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EVENT_CHANNEL, type NewEvent } from './envelope';

/**
 * Appends a transaction's events to the log, inside that transaction.
 *
 * Positions must become visible in the order they were handed out, or a reader that remembers
 * "the last position I saw" would skip a transaction that took a lower position but committed
 * later. Appending takes a transaction-scoped advisory lock, so positions are assigned in commit
 * order: a later appender waits until the earlier one commits or rolls back. Appends happen as the
 * last step before commit, which keeps the serialized window to the insert and the commit.
 */
export const EVENT_APPEND_LOCK = 727_100;

export async function appendEvents(
  manager: EntityManager,
  events: readonly NewEvent[],
  meta: { producer: string; correlationId: string; causationId?: string | null },
): Promise<string[]> {
  if (events.length === 0) return [];
  await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_APPEND_LOCK]);
  const ids: string[] = [];
  for (const event of events) {
    const id = randomUUID();
    ids.push(id);
    await manager.query(
      `INSERT INTO events.event_log
         (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, causation_id, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        event.type,
        event.version ?? 1,
        meta.producer,
        event.aggregateType,
        event.aggregateId,
        meta.correlationId,
        meta.causationId ?? null,
        (event.occurredAt ?? new Date()).toISOString(),
        JSON.stringify(event.payload),
      ],
    );
  }
  // A wake-up for listeners; delivered only if the transaction commits.
  await manager.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, meta.producer]);
  return ids;
}
