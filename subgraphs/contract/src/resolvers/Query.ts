import type { QueryResolvers } from '../generated/resolvers';
import { priceIn } from '../domain/catalog';
import { findProducts } from '../store/catalog-store';
import { versionKey } from '../store/loaders';
import { currentView } from './views';

export const Query: QueryResolvers = {
  products: async (_, { currency }, ctx) =>
    (await findProducts(ctx.dataSource.manager))
      .filter((product) => priceIn(product, currency) !== null)
      .map((product) => ({ product, currency })),

  quote: (_, { id }, ctx) => ctx.loaders.quoteById.load(id),

  contract: async (_, { id, version }, ctx) => {
    const row = await ctx.loaders.contractById.load(id);
    if (!row) return null;
    if (version === undefined || version === null || version === row.version) return currentView(row);
    const past = await ctx.loaders.contractVersion.load(versionKey(id, version));
    return past ? { row, version: past.version, status: past.status } : null;
  },
};
