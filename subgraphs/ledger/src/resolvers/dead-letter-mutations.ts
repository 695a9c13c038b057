import { DomainError, mutate } from '@rg/kit';
import { GraphQLError } from 'graphql';
import type { MutationResolvers } from '../generated/resolvers';

const RETRY_WAIT_MS = 10_000;
const POLL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function failIfRejected(result: { userErrors: Array<{ code: string; message: string }> }) {
  const [err] = result.userErrors;
  if (err) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT', reason: err.code } });
}

/**
 * Asks the owning service's consumer to apply the event again, then waits for its verdict:
 * true when it was applied, false when it failed again or the consumer did not answer in time.
 */
export const retryDeadLetter: MutationResolvers['retryDeadLetter'] = async (_, { id }, ctx) => {
  const result = await mutate(
    ctx,
    { action: 'retryDeadLetter', entityType: 'DeadLetter', entityId: id },
    async (tx) => {
      const rows = await tx.manager.query(
        `UPDATE ops.dead_letter SET status = 'RETRY_REQUESTED' WHERE id::text = $1 AND status = 'OPEN' RETURNING service, event_id`,
        [id],
      );
      if (rows.length === 0) throw new DomainError('DEAD_LETTER_NOT_OPEN', `No open dead letter ${id}`, ['id']);
      tx.audit({ action: 'retryDeadLetter', entityType: 'DeadLetter', entityId: id, before: { status: 'OPEN' }, after: { status: 'RETRY_REQUESTED' } });
      return true;
    },
    () => ({}),
  );
  failIfRejected(result);
  const deadline = Date.now() + RETRY_WAIT_MS;
  while (Date.now() < deadline) {
    const [row] = await ctx.dataSource.query(`SELECT status FROM ops.dead_letter WHERE id::text = $1`, [id]);
    if (row.status === 'RESOLVED') return true;
    if (row.status === 'OPEN' || row.status === 'DISCARDED') return false;
    await sleep(POLL_MS);
  }
  return false;
};

/** Gives up on an event for good, with the reason on the dead letter and the audit trail. */
export const discardDeadLetter: MutationResolvers['discardDeadLetter'] = async (_, { id, reason }, ctx) => {
  const result = await mutate(
    ctx,
    { action: 'discardDeadLetter', entityType: 'DeadLetter', entityId: id },
    async (tx) => {
      if (!reason.trim()) throw new DomainError('REASON_REQUIRED', 'A reason is required', ['reason']);
      const rows = await tx.manager.query(
        `UPDATE ops.dead_letter SET status = 'DISCARDED', resolved_at = clock_timestamp(), resolution = $2
          WHERE id::text = $1 AND status IN ('OPEN', 'RETRY_REQUESTED') RETURNING status`,
        [id, `discarded: ${reason.trim()}`],
      );
      if (rows.length === 0) throw new DomainError('DEAD_LETTER_NOT_OPEN', `No open dead letter ${id}`, ['id']);
      tx.audit({ action: 'discardDeadLetter', entityType: 'DeadLetter', entityId: id, reason: reason.trim(), after: { status: 'DISCARDED' } });
      return true;
    },
    () => ({}),
  );
  failIfRejected(result);
  return true;
};
