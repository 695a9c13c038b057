/** The envelope every business event travels in, as stored in `events.event_log`. */
export interface EventEnvelope<P = unknown> {
  id: string;
  position: string; // bigint as string: the log position that orders all events
  type: string; // business name: ContractAmended, InvoicePosted …
  version: number; // payload schema version
  producer: string;
  aggregateType: string;
  aggregateId: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string; // ISO-8601
  committedAt: string;
  payload: P;
}

/** What domain code hands to the outbox; the rest of the envelope is filled in on append. */
export interface NewEvent<P = unknown> {
  type: string;
  version?: number;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  occurredAt?: Date;
}

export const EVENT_CHANNEL = 'event_log';

export function rowToEnvelope(row: Record<string, unknown>): EventEnvelope {
  return {
    id: row.id as string,
    position: String(row.position),
    type: row.type as string,
    version: row.version as number,
    producer: row.producer as string,
    aggregateType: row.aggregate_type as string,
    aggregateId: row.aggregate_id as string,
    correlationId: row.correlation_id as string,
    causationId: (row.causation_id as string) ?? null,
    occurredAt: new Date(row.occurred_at as string).toISOString(),
    committedAt: new Date(row.committed_at as string).toISOString(),
    payload: row.payload,
  };
}
