import { toMoneyOutput } from '@rg/kit';
import { forecastArrMinor, formatProbability, probabilityBp } from '../domain/forecast';
import type { RenewalResolvers } from '../generated/resolvers';
import { riskOf } from './risk-view';

export const Renewal: RenewalResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.renewalById.load(ref.id),
  contract: (r) => ({ id: r.contractId }),
  customer: (r) => ({ id: r.customerId }),
  newContract: (r) => (r.newContractId ? { id: r.newContractId } : null),
  currentArr: (r) => toMoneyOutput(BigInt(r.currentArrMinor), r.currency),
  lostArr: (r) => (r.lostArrMinor === null ? null : toMoneyOutput(BigInt(r.lostArrMinor), r.currency)),
  riskScore: async (r, { asOf }, ctx) => (await riskOf(r, asOf, ctx)).score,
  riskLevel: async (r, { asOf }, ctx) => (await riskOf(r, asOf, ctx)).level,
  riskReasons: async (r, { asOf }, ctx) => (await riskOf(r, asOf, ctx)).factors.map((f) => f.reason),
  riskSignals: async (r, { asOf }, ctx) => (await riskOf(r, asOf, ctx)).factors,
  probability: async (r, { asOf }, ctx) => {
    const risk = await riskOf(r, asOf, ctx);
    return formatProbability(probabilityBp(risk.status, risk.level));
  },
  forecastArr: async (r, { asOf }, ctx) => {
    const risk = await riskOf(r, asOf, ctx);
    return toMoneyOutput(forecastArrMinor(BigInt(r.currentArrMinor), probabilityBp(risk.status, risk.level)), r.currency);
  },
  riskHistory: (r, _, ctx) => ctx.loaders.historyByRenewal.load(r.id),
};
