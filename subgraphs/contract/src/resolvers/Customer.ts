import type { CustomerResolvers } from '../generated/resolvers';
import { currentView } from './views';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref) => ({ id: ref.id! }),
  contracts: async (c, _, ctx) => (await ctx.loaders.contractsByCustomer.load(c.id)).map(currentView),
  quotes: (c, _, ctx) => ctx.loaders.quotesByCustomer.load(c.id),
};
