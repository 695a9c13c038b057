import { badUserInput, isValidDate } from '@rg/kit';
import { probabilityBp, sumForecast } from '../domain/forecast';
import { revenueRetention } from '../domain/retention';
import type { QueryResolvers } from '../generated/resolvers';
import { partnerScope } from '../store/loaders';
import { arrChangesBetween, openingArrByCustomer, renewalsDue } from '../store/renewal-store';
import { riskOf } from './risk-view';

const MAX_LIST = 500;

function checkWindow(from: string, to: string) {
  for (const [name, d] of [['from', from], ['to', to]]) {
    if (!isValidDate(d)) throw badUserInput(`${name} "${d}" is not a date (YYYY-MM-DD)`);
  }
  if (from > to) throw badUserInput('from must not be after to');
}

export const Query: QueryResolvers = {
  renewal: (_, { id }, ctx) => ctx.loaders.renewalById.load(id),

  renewals: async (_, { from, to, currency, riskLevel, status, first }, ctx) => {
    checkWindow(from, to);
    const limit = Math.max(0, Math.min(first ?? 100, MAX_LIST));
    const rows = await renewalsDue(ctx.dataSource.manager, { from, to, currency, riskLevel, status, partnerId: partnerScope(ctx.actor), limit });
    rows.forEach((r) => ctx.loaders.renewalById.prime(r.id, r));
    return rows;
  },

  renewalForecast: async (_, { from, to, currency, asOf }, ctx) => {
    checkWindow(from, to);
    const rows = await renewalsDue(ctx.dataSource.manager, { from, to, currency, partnerId: partnerScope(ctx.actor) });
    rows.forEach((r) => ctx.loaders.renewalById.prime(r.id, r));
    const items = await Promise.all(
      rows.map(async (r) => {
        const risk = await riskOf(r, asOf, ctx);
        return { currentArrMinor: BigInt(r.currentArrMinor), probabilityBp: probabilityBp(risk.status, risk.level), level: risk.level, status: risk.status };
      }),
    );
    return { from, to, currency, totals: sumForecast(items) };
  },

  revenueRetention: async (_, { from, to, currency }, ctx) => {
    checkWindow(from, to);
    const partner = partnerScope(ctx.actor);
    const opening = await openingArrByCustomer(ctx.dataSource.manager, currency, from, partner);
    const rows = await arrChangesBetween(ctx.dataSource.manager, currency, from, to, partner);
    const changes = rows.map((r) => ({ customerId: r.customerId, contractId: r.contractId, date: r.effectiveDate, deltaMinor: BigInt(r.deltaMinor), cause: r.cause }));
    return { ...revenueRetention(opening, changes, from, to), currency };
  },
};
