import type { ContractResolvers } from '../generated/resolvers';

export const Contract: ContractResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  renewal: (c, _, ctx) => ctx.loaders.renewalByContract.load(c.id),
};
