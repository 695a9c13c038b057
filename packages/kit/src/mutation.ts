import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from './auth/actor';
import { DomainError, userError, type UserError } from './errors';
import { appendEvents } from './events/outbox';
import type { NewEvent } from './events/envelope';
import type { Decision } from './policy/decision';
import { hashOf } from './stable-json';
import type { Logger } from './logger';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  decision?: 'ALLOWED' | 'DENIED' | 'REJECTED' | 'APPROVAL_REQUIRED' | 'REPLAYED' | string;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The unit of work a mutation runs in: its writes, its events and its audit records commit together. */
export interface Tx {
  readonly manager: EntityManager;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  emit(event: NewEvent): void;
  audit(entry: AuditEntry): void;
  /** Records a policy decision; a denial throws and so rolls back everything but the audit trail. */
  enforce(policy: string, decision: Decision, entity: { type: string; id: string }): Decision;
  /** Names the entity the mutation acted on, for its closing audit record. */
  setSubject(entityType: string, entityId: string): void;
}

export interface MutationScope {
  service: string;
  dataSource: DataSource;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  log?: Logger;
}

export interface MutationSpec {
  action: string;
  entityType: string;
  entityId?: string;
  /** Money-moving mutations: the same key and input return the first result without a second effect. */
  idempotency?: { key: string; input: unknown } | null;
}

export type MutationOutcome<R> =
  | { ok: true; value: R; replayed: boolean }
  | { ok: false; errors: UserError[] };

export async function writeAudit(
  manager: EntityManager,
  service: string,
  actor: Actor,
  correlationId: string,
  entries: readonly AuditEntry[],
) {
  for (const e of entries) {
    await manager.query(
      `INSERT INTO ops.audit_record
         (id, service, actor, actor_roles, action, entity_type, entity_id, decision, reason, before, after, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        randomUUID(),
        service,
        actor.sub,
        actor.roles,
        e.action,
        e.entityType,
        e.entityId,
        e.decision ?? null,
        e.reason ?? null,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
        correlationId,
      ],
    );
  }
}

/**
 * Runs a mutation: idempotency check, the domain work with its guards, then audit records and
 * events appended in the same transaction. A DomainError rolls the work back and is returned as
 * a user error; the audit records of the attempt (its guard decisions and the rejection) are
 * still written, in a transaction of their own.
 */
export async function runMutation<R>(
  scope: MutationScope,
  spec: MutationSpec,
  work: (tx: Tx) => Promise<R>,
): Promise<MutationOutcome<R>> {
  const audits: AuditEntry[] = [];
  let subject = { type: spec.entityType, id: spec.entityId ?? '' };
  const { actor, correlationId, service } = scope;
  try {
    const result = await scope.dataSource.transaction(async (manager) => {
      if (spec.idempotency) {
        const replay = await claimIdempotencyKey(manager, actor, spec.action, spec.idempotency);
        if (replay) {
          audits.push({ action: spec.action, entityType: subject.type, entityId: subject.id, decision: 'REPLAYED' });
          await writeAudit(manager, service, actor, correlationId, audits);
          return { value: replay.result as R, replayed: true };
        }
      }
      const events: NewEvent[] = [];
      const tx: Tx = {
        manager,
        actor,
        correlationId,
        causationId: scope.causationId ?? null,
        emit: (event) => events.push(event),
        audit: (entry) => audits.push(entry),
        setSubject: (type, id) => {
          subject = { type, id };
        },
        enforce(policy, decision, entity) {
          const base = { action: `${spec.action}:${policy}`, entityType: entity.type, entityId: entity.id };
          if (decision.kind === 'deny') {
            audits.push({ ...base, decision: 'DENIED', reason: `${decision.code}: ${decision.reason}` });
            throw new DomainError(decision.code, decision.reason, decision.field);
          }
          audits.push({
            ...base,
            decision: decision.kind === 'allow' ? 'ALLOWED' : 'APPROVAL_REQUIRED',
            reason: decision.kind === 'requireApproval' ? decision.reason : null,
          });
          return decision;
        },
      };
      const value = await work(tx);
      if (spec.idempotency) {
        await manager.query(
          `UPDATE idempotency_key SET result = $4 WHERE actor = $1 AND operation = $2 AND key = $3`,
          [actor.sub, spec.action, spec.idempotency.key, JSON.stringify(value ?? null)],
        );
      }
      audits.push({ action: spec.action, entityType: subject.type, entityId: subject.id, decision: 'ALLOWED' });
      await writeAudit(manager, service, actor, correlationId, audits);
      // Events go last: appending serializes committers (see outbox.ts).
      await appendEvents(manager, events, { producer: service, correlationId, causationId: scope.causationId });
      return { value, replayed: false };
    });
    return { ok: true, ...result };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    audits.push({
      action: spec.action,
      entityType: subject.type,
      entityId: subject.id,
      decision: err.code.startsWith('POLICY_') ? 'DENIED' : 'REJECTED',
      reason: `${err.code}: ${err.message}`,
    });
    await scope.dataSource.transaction((manager) => writeAudit(manager, service, actor, correlationId, audits));
    return { ok: false, errors: [userError(err.code, err.message, err.field)] };
  }
}

/**
 * Claims the key for this actor and operation. A concurrent holder of the same key makes the
 * insert wait until it commits or rolls back, so duplicates see its result and never run twice.
 */
async function claimIdempotencyKey(
  manager: EntityManager,
  actor: Actor,
  operation: string,
  idempotency: { key: string; input: unknown },
): Promise<{ result: unknown } | null> {
  const requestHash = hashOf(idempotency.input);
  const inserted = await manager.query(
    `INSERT INTO idempotency_key (actor, operation, key, request_hash, result)
     VALUES ($1, $2, $3, $4, 'null'::jsonb)
     ON CONFLICT (actor, operation, key) DO NOTHING
     RETURNING key`,
    [actor.sub, operation, idempotency.key, requestHash],
  );
  if (inserted.length > 0) return null;
  const [existing] = await manager.query(
    `SELECT request_hash, result FROM idempotency_key WHERE actor = $1 AND operation = $2 AND key = $3`,
    [actor.sub, operation, idempotency.key],
  );
  if (existing.request_hash !== requestHash) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used with a different request',
      ['idempotencyKey'],
    );
  }
  return { result: existing.result };
}
