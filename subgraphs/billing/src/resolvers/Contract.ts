import type { ContractResolvers } from '../generated/resolvers';

export const Contract: ContractResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  invoices: (c, _, ctx) => ctx.loaders.invoicesByContract.load(c.id),
};
