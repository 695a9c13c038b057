import type { AmendmentResolvers } from '../generated/resolvers';
import { currentView } from './views';

export const Amendment: AmendmentResolvers = {
  // An amendment is visible exactly when its contract is.
  __resolveReference: async (ref, ctx) => {
    const amendment = await ctx.loaders.amendmentById.load(ref.id!);
    return amendment && (await ctx.loaders.contractById.load(amendment.contractId)) ? amendment : null;
  },
  contract: async (a, _, ctx) => currentView((await ctx.loaders.contractById.load(a.contractId))!),
  createdAt: (a) => a.createdAt.toISOString(),
};
