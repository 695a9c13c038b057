import type { QuoteResolvers } from '../generated/resolvers';
import { currentView } from './views';

export const Quote: QuoteResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.quoteById.load(ref.id!),
  customer: (q) => ({ id: q.customerId }),
  lines: async (q, _, ctx) => (await ctx.loaders.quoteLinesByQuote.load(q.id)).map((line) => ({ line, currency: q.currency })),
  contract: async (q, _, ctx) => {
    const row = q.contractId ? await ctx.loaders.contractById.load(q.contractId) : null;
    return row ? currentView(row) : null;
  },
  approvedBy: (q) => (q.status === 'APPROVED' || q.status === 'ACCEPTED' ? q.decidedBy : null),
};
