import { DomainError, isValidDate, mutate, today } from '@rg/kit';
import { outcomeProblem } from '../domain/outcome';
import { reassess } from '../events/reassess';
import type { MutationResolvers } from '../generated/resolvers';
import { RenewalRow } from '../store/entities';
import { findRenewal, findRenewalByContract } from '../store/renewal-store';

export const Mutation: MutationResolvers = {
  recordRenewalOutcome: (_, { renewalId, outcome, newContractId, decidedOn }, ctx) =>
    mutate(
      ctx,
      { action: 'recordRenewalOutcome', entityType: 'Renewal', entityId: renewalId },
      async (tx) => {
        const on = decidedOn ?? today();
        if (!isValidDate(on)) throw new DomainError('INVALID_DATE', `decidedOn "${on}" is not a date (YYYY-MM-DD)`, ['decidedOn']);
        const row = await findRenewal(tx.manager, renewalId);
        if (!row) throw new DomainError('RENEWAL_NOT_FOUND', `Renewal ${renewalId} was not found`, ['renewalId']);
        const successor = newContractId ? await findRenewalByContract(tx.manager, newContractId) : null;
        const problem = outcomeProblem(row, outcome, newContractId, successor);
        if (problem) throw new DomainError(problem.code, problem.message, problem.field);
        const before = { status: row.status, decidedOn: row.decidedOn, newContractId: row.newContractId };
        Object.assign(row, {
          status: outcome,
          decidedOn: on,
          newContractId: newContractId ?? null,
          lostArrMinor: outcome === 'CHURNED' ? row.currentArrMinor : null,
        });
        await tx.manager.save(RenewalRow, row);
        // The outcome is kept beside the last forecast, so forecasts can be compared with what happened.
        await reassess(tx.manager, [row], on, { type: 'RenewalOutcomeRecorded', eventId: null });
        tx.audit({
          action: 'recordRenewalOutcome',
          entityType: 'Renewal',
          entityId: row.id,
          decision: 'ALLOWED',
          before,
          after: { status: row.status, decidedOn: row.decidedOn, newContractId: row.newContractId, lostArrMinor: row.lostArrMinor },
        });
        return row.id;
      },
      async (id) => {
        ctx.loaders.renewalById.clear(id);
        return { renewal: await ctx.loaders.renewalById.load(id) };
      },
    ),
};
