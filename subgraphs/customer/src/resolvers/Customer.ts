import type { CustomerResolvers } from '../generated/resolvers';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.customerById.load(ref.id),
  legalEntity: async (c, _, ctx) => (await ctx.loaders.legalEntityByCode.load(c.legalEntityCode))!,
  parent: (c, _, ctx) => (c.parentId ? ctx.loaders.customerById.load(c.parentId) : null),
  children: (c, _, ctx) => ctx.loaders.childrenByParent.load(c.id),
  createdAt: (c) => c.createdAt.toISOString(),
};
