import { isPartnerScoped, typeOfId } from '@rg/kit';
import type { QueryResolvers } from '../generated/resolvers';
import { pageCustomers } from '../store/customer-store';
import { LegalEntityRow } from '../store/entities';

const MAX_PAGE = 200;

export const Query: QueryResolvers = {
  customer: (_, { id }, ctx) => ctx.loaders.customerById.load(id),

  customers: (_, { first, after }, ctx) =>
    pageCustomers(ctx.dataSource.manager, ctx.actor, Math.max(0, Math.min(first ?? 50, MAX_PAGE)), after),

  legalEntities: (_, __, ctx) => ctx.dataSource.getRepository(LegalEntityRow).find({ order: { code: 'ASC' } }),

  // Ids carry their type; customers are checked here, other types by their own subgraph. A
  // partner gets an object only when it belongs to one of its own customers.
  node: async (_, { id }, ctx) => {
    const type = typeOfId(id);
    if (!type) return null;
    if (type === 'Customer') {
      const row = await ctx.loaders.customerById.load(id);
      return row ? Object.assign(row, { __typename: 'Customer' as const }) : null;
    }
    if (isPartnerScoped(ctx.actor ?? undefined)) {
      const owner = await ctx.loaders.ownerOfNode.load(id);
      if (!owner || !(await ctx.loaders.customerById.load(owner.customer_id))) return null;
    }
    return { __typename: type, id } as never;
  },
};
