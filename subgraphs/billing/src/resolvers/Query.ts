import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  invoice: (_, { id }, ctx) => ctx.loaders.invoiceById.load(id),
  payment: (_, { id }, ctx) => ctx.loaders.paymentById.load(id),
};
