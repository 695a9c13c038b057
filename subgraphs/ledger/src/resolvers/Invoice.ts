import type { InvoiceResolvers } from '../generated/resolvers';

export const Invoice: InvoiceResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  journalEntries: (i, _, ctx) => ctx.loaders.entriesByInvoice.load(i.id),
};
