import { badUserInput, isValidDate } from '@rg/kit';
import { statusOn } from '../domain/term';
import type { ContractResolvers } from '../generated/resolvers';
import { versionKey } from '../store/loaders';
import { currentView } from './views';

export const Contract: ContractResolvers = {
  __resolveReference: async (ref, ctx) => {
    const row = await ctx.loaders.contractById.load(ref.id!);
    return row ? currentView(row) : null;
  },
  id: ({ row }) => row.id,
  number: ({ row }) => row.number,
  customer: ({ row }) => ({ id: row.customerId }),
  status: ({ row, status }, { asOf }) => {
    if (asOf && !isValidDate(asOf)) throw badUserInput(`"${asOf}" is not a valid date`);
    return statusOn(status, row.endDate, asOf);
  },
  startDate: ({ row }) => row.startDate,
  endDate: ({ row }) => row.endDate,
  billingFrequency: ({ row }) => row.billingFrequency,
  currency: ({ row }) => row.currency,
  termMonths: ({ row }) => row.termMonths,
  version: ({ version }) => version,
  cancelledFrom: ({ row, status }) => (status === 'CANCELLED' ? row.cancelledFrom : null),
  onboardingCompletedOn: ({ row }) => row.onboardingCompletedOn,
  quote: ({ row }, _, ctx) => ctx.loaders.quoteById.load(row.quoteId),
  lines: async ({ row, version }, _, ctx) =>
    (await ctx.loaders.contractLinesByVersion.load(versionKey(row.id, version))).map((line) => ({ line, currency: row.currency })),
  // A past version shows the amendments that led to it, not the later ones.
  amendments: async ({ row, version }, _, ctx) =>
    (await ctx.loaders.amendmentsByContract.load(row.id)).filter((a) => a.version <= version),
};
