import type { CustomerResolvers } from '../generated/resolvers';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  renewals: (c, _, ctx) => ctx.loaders.renewalsByCustomer.load(c.id),
};
