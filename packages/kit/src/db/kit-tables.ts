/**
 * Tables every subgraph keeps in its own schema for the shared machinery: idempotency keys of
 * its mutations, and its position and processed events as a consumer of the event log.
 * Each subgraph's first migration applies this.
 */
export const KIT_TABLES_SQL = `
CREATE TABLE idempotency_key (
  actor           text NOT NULL,
  operation       text NOT NULL,
  key             text NOT NULL,
  request_hash    text NOT NULL,
  result          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, operation, key)
);
CREATE TABLE consumer_position (
  consumer        text PRIMARY KEY,
  position        bigint NOT NULL DEFAULT 0,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE processed_event (
  consumer        text NOT NULL,
  event_id        uuid NOT NULL,
  position        bigint NOT NULL,
  processed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
`;
