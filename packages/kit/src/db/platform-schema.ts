/**
 * The platform's shared tables. The event log is the product's message bus (it could be replaced
 * by an external log without changing the envelope); audit records and dead letters are the
 * operations records every subgraph writes in the transaction of the change they describe.
 * Statements are idempotent so the schema can be applied on every start; later changes are
 * appended as further idempotent statements.
 */
export const PLATFORM_SQL = `
CREATE SCHEMA IF NOT EXISTS events;
CREATE SCHEMA IF NOT EXISTS ops;

CREATE TABLE IF NOT EXISTS events.event_log (
  position        bigserial PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  type            text NOT NULL,
  version         integer NOT NULL,
  producer        text NOT NULL,
  aggregate_type  text NOT NULL,
  aggregate_id    text NOT NULL,
  correlation_id  text NOT NULL,
  causation_id    text,
  occurred_at     timestamptz NOT NULL,
  committed_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  payload         jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS event_log_aggregate ON events.event_log (aggregate_type, aggregate_id, position);
CREATE INDEX IF NOT EXISTS event_log_type ON events.event_log (type, position);

CREATE TABLE IF NOT EXISTS ops.audit_record (
  id              uuid PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  service         text NOT NULL,
  actor           text NOT NULL,
  actor_roles     text[] NOT NULL DEFAULT '{}',
  action          text NOT NULL,
  entity_type     text NOT NULL,
  entity_id       text NOT NULL,
  decision        text,
  reason          text,
  before          jsonb,
  after           jsonb,
  correlation_id  text NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_record_entity ON ops.audit_record (entity_type, entity_id, at);
CREATE INDEX IF NOT EXISTS audit_record_correlation ON ops.audit_record (correlation_id);

CREATE TABLE IF NOT EXISTS ops.dead_letter (
  id              uuid PRIMARY KEY,
  service         text NOT NULL,
  event_id        uuid NOT NULL,
  event_position  bigint NOT NULL,
  event_type      text NOT NULL,
  aggregate_type  text NOT NULL,
  aggregate_id    text NOT NULL,
  attempts        integer NOT NULL,
  last_error      text NOT NULL,
  failed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  status          text NOT NULL DEFAULT 'OPEN',  -- OPEN, RETRY_REQUESTED, RESOLVED, DISCARDED
  resolved_at     timestamptz,
  resolution      text,
  UNIQUE (service, event_id)
);
CREATE INDEX IF NOT EXISTS dead_letter_open ON ops.dead_letter (service, status);
`;
