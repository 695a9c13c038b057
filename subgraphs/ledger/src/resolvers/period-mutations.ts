import { mutate } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import { closePeriodPolicy } from '../policies/close-period';
import { reopenPeriodPolicy } from '../policies/reopen-period';
import {
  laterClosedPeriods,
  lockLegalEntityBooks,
  openDeadLettersIn,
  openUsedPeriodsBefore,
  periodStatus,
  recognitionRan,
  setPeriodStatus,
} from '../store/period-store';
import { requirePeriodInput } from './inputs';
import { completePayload, periodPayload } from './period-payload';

/** Closes a period once recognition ran, the one before is closed and no event of it is stuck. */
export const closePeriod: MutationResolvers['closePeriod'] = (_, { legalEntityCode, period }, ctx) =>
  completePayload(
    mutate(
      ctx,
      { action: 'closePeriod', entityType: 'AccountingPeriod', entityId: `${legalEntityCode}:${period}` },
      async (tx) => {
        await requirePeriodInput(tx.manager, legalEntityCode, period);
        await lockLegalEntityBooks(tx.manager, legalEntityCode);
        const m = tx.manager;
        const state = {
          period,
          closed: (await periodStatus(m, legalEntityCode, period)) === 'CLOSED',
          recognitionRan: await recognitionRan(m, legalEntityCode, period),
          previous: (await openUsedPeriodsBefore(m, legalEntityCode, period)).length > 0 ? ('OPEN' as const) : ('CLOSED' as const),
          openDeadLetters: await openDeadLettersIn(m, legalEntityCode, period),
        };
        tx.enforce('close_period', closePeriodPolicy(state), { type: 'AccountingPeriod', id: `${legalEntityCode}:${period}` });
        await setPeriodStatus(m, { legalEntityCode, period, status: 'CLOSED', by: tx.actor.sub, reason: null });
        tx.audit({
          action: 'closePeriod',
          entityType: 'AccountingPeriod',
          entityId: `${legalEntityCode}:${period}`,
          before: { status: 'OPEN' },
          after: { status: 'CLOSED' },
        });
        return 'CLOSED' as const;
      },
      (status) => periodPayload(ctx, period, status, []),
    ),
  );

/** Reopens the latest closed period, with a reason on the audit trail. */
export const reopenPeriod: MutationResolvers['reopenPeriod'] = (_, { legalEntityCode, period, reason }, ctx) =>
  completePayload(
    mutate(
      ctx,
      { action: 'reopenPeriod', entityType: 'AccountingPeriod', entityId: `${legalEntityCode}:${period}` },
      async (tx) => {
        await requirePeriodInput(tx.manager, legalEntityCode, period);
        await lockLegalEntityBooks(tx.manager, legalEntityCode);
        const state = {
          period,
          reason,
          closed: (await periodStatus(tx.manager, legalEntityCode, period)) === 'CLOSED',
          laterClosed: (await laterClosedPeriods(tx.manager, legalEntityCode, period)) > 0,
        };
        tx.enforce('reopen_period', reopenPeriodPolicy(state), { type: 'AccountingPeriod', id: `${legalEntityCode}:${period}` });
        await setPeriodStatus(tx.manager, { legalEntityCode, period, status: 'OPEN', by: tx.actor.sub, reason: reason.trim() });
        tx.audit({
          action: 'reopenPeriod',
          entityType: 'AccountingPeriod',
          entityId: `${legalEntityCode}:${period}`,
          reason: reason.trim(),
          before: { status: 'CLOSED' },
          after: { status: 'OPEN' },
        });
        return 'OPEN' as const;
      },
      (status) => periodPayload(ctx, period, status, []),
    ),
  );
