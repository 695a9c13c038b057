import { deadLetterStatus, discardDeadLetter as discardLetter, DomainError, mutate, requestRetry } from '@rg/kit';
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
      if (!(await requestRetry((sql, params) => tx.manager.query(sql, params), id))) throw new DomainError('DEAD_LETTER_NOT_OPEN', `No open dead letter ${id}`, ['id']);
      tx.audit({ action: 'retryDeadLetter', entityType: 'DeadLetter', entityId: id, before: { status: 'OPEN' }, after: { status: 'RETRY_REQUESTED' } });
      return true;
    },
    () => ({}),
  );
  failIfRejected(result);
  const deadline = Date.now() + RETRY_WAIT_MS;
  while (Date.now() < deadline) {
    const status = await deadLetterStatus((sql, params) => ctx.dataSource.query(sql, params), id);
    if (status === 'RESOLVED') return true;
    if (status !== 'RETRY_REQUESTED') return false;
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
      if (!(await discardLetter((sql, params) => tx.manager.query(sql, params), id, reason.trim()))) throw new DomainError('DEAD_LETTER_NOT_OPEN', `No open dead letter ${id}`, ['id']);
      tx.audit({ action: 'discardDeadLetter', entityType: 'DeadLetter', entityId: id, reason: reason.trim(), after: { status: 'DISCARDED' } });
      return true;
    },
    () => ({}),
  );
  failIfRejected(result);
  return true;
};
