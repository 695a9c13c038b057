import { randomUUID } from 'node:crypto';
import { mutate, periodEnd } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import { applyRules } from '../domain/journal';
import { recognitionComponents, recognitionDeltas } from '../domain/recognition';
import { openPeriodPolicy } from '../policies/open-period';
import { loadRules, postEntry } from '../store/journal-store';
import { lockLegalEntityBooks, periodStatus } from '../store/period-store';
import { obligationStates, recordRun } from '../store/recognition-store';
import { requirePeriodInput } from './inputs';
import { completePayload, periodPayload } from './period-payload';

/**
 * Books what every obligation of the entity has earned by the period's last day and not yet been
 * booked for, one entry per currency dated that day. A rerun books only the change.
 */
export const runRevenueRecognition: MutationResolvers['runRevenueRecognition'] = (_, { legalEntityCode, period }, ctx) =>
  completePayload(
    mutate(
      ctx,
      { action: 'runRevenueRecognition', entityType: 'AccountingPeriod', entityId: `${legalEntityCode}:${period}` },
      async (tx) => {
        await requirePeriodInput(tx.manager, legalEntityCode, period);
        await lockLegalEntityBooks(tx.manager, legalEntityCode);
        const closed = (await periodStatus(tx.manager, legalEntityCode, period)) === 'CLOSED';
        tx.enforce('open_period', openPeriodPolicy(period, closed), { type: 'AccountingPeriod', id: `${legalEntityCode}:${period}` });
        const states = await obligationStates(tx.manager, legalEntityCode, period);
        const deltas = recognitionDeltas(states, period);
        const runId = randomUUID();
        await recordRun(tx.manager, { id: runId, legalEntityCode, period, by: tx.actor.sub, correlationId: tx.correlationId });
        const rules = await loadRules(tx.manager);
        const memo = new Map(states.map((s) => [s.id, `${s.contractNumber} ${s.obligation.description}`]));
        const entryIds: string[] = [];
        for (const currency of [...new Set(deltas.map((d) => d.currency))].sort()) {
          const mine = deltas.filter((d) => d.currency === currency);
          const lines = applyRules(rules, 'RevenueRecognition', currency, recognitionComponents(mine, (d) => memo.get(d.obligationId)!));
          const id = await postEntry(tx.manager, {
            legalEntityCode,
            date: periodEnd(period),
            description: `Revenue recognition ${period}`,
            purpose: 'RevenueRecognition',
            sourceEventId: null,
            recognitionRunId: runId,
            lines,
          });
          entryIds.push(id!);
        }
        tx.audit({
          action: 'runRevenueRecognition',
          entityType: 'AccountingPeriod',
          entityId: `${legalEntityCode}:${period}`,
          after: { runId, entries: entryIds, obligations: deltas.map((d) => ({ id: d.obligationId, amount: d.amount.toString() })) },
        });
        return { entryIds, status: 'OPEN' as const };
      },
      (r) => periodPayload(ctx, period, r.status, r.entryIds),
    ),
  );
