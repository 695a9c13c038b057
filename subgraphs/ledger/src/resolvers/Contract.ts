import { toMoneyOutput } from '@rg/kit';
import type { ContractResolvers, PerformanceObligationResolvers, RevenueScheduleResolvers } from '../generated/resolvers';

export const Contract: ContractResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  revenueSchedule: async (c, _, ctx) => {
    const [contract, obligations] = await Promise.all([
      ctx.loaders.contractById.load(c.id),
      ctx.loaders.obligationsByContract.load(c.id),
    ]);
    return contract ? { contractId: c.id, obligations } : null;
  },
};

export const RevenueSchedule: RevenueScheduleResolvers = {
  contract: (s) => ({ id: s.contractId }),
};

/** Recognised to date is what the journal has booked for the obligation; the rest is deferred. */
export const PerformanceObligation: PerformanceObligationResolvers = {
  allocatedPrice: (o) => toMoneyOutput(BigInt(o.allocated), o.currency),
  recognizedToDate: (o) => toMoneyOutput(BigInt(o.posted), o.currency),
  deferred: (o) => toMoneyOutput(BigInt(o.allocated) - BigInt(o.posted), o.currency),
};
