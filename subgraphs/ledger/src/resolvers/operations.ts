import type { QueryResolvers } from '../generated/resolvers';

const MAX_ROWS = 500;

/** Every service's audit records about one entity, oldest first. */
export const auditTrail: QueryResolvers['auditTrail'] = async (_, { entityType, entityId }, ctx) => {
  const rows = await ctx.dataSource.query(
    `SELECT id, at, actor, action, entity_type, entity_id, decision, reason, correlation_id
       FROM ops.audit_record WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id LIMIT ${MAX_ROWS}`,
    [entityType, entityId],
  );
  return rows.map((r: Record<string, any>) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    decision: r.decision,
    reason: r.reason,
    correlationId: r.correlation_id,
  }));
};

/** The exception workbench: events some consumer could not apply, newest first. */
export const deadLetters: QueryResolvers['deadLetters'] = async (_, { first, includeResolved }, ctx) => {
  const rows = await ctx.dataSource.query(
    `SELECT id, service, event_id, event_type, attempts, last_error, failed_at, status
       FROM ops.dead_letter
      WHERE $1 OR status IN ('OPEN', 'RETRY_REQUESTED')
      ORDER BY failed_at DESC LIMIT $2`,
    [!!includeResolved, Math.max(0, Math.min(first ?? 50, MAX_ROWS))],
  );
  return rows.map((r: Record<string, any>) => ({
    id: r.id,
    service: r.service,
    eventId: r.event_id,
    eventType: r.event_type,
    attempts: r.attempts,
    lastError: r.last_error,
    failedAt: new Date(r.failed_at).toISOString(),
    status: r.status,
  }));
};
