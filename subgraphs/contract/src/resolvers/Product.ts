import type { ProductResolvers } from '../generated/resolvers';
import { priceIn } from '../domain/catalog';
import { unitPrice } from './money';

/** Another subgraph naming a product by code sees it in the house currency. */
const REFERENCE_CURRENCY = 'USD';

export const Product: ProductResolvers = {
  __resolveReference: async (ref, ctx) => {
    const product = await ctx.loaders.productByCode.load(ref.code!);
    return product ? { product, currency: REFERENCE_CURRENCY } : null;
  },
  id: ({ product }) => product.code,
  code: ({ product }) => product.code,
  name: ({ product }) => product.name,
  chargeModel: ({ product }) => product.chargeModel,
  includedUnits: ({ product }) => product.includedUnits,
  listPrice: ({ product, currency }) => {
    const price = priceIn(product, currency);
    if (!price) throw new Error(`${product.code} has no price in ${currency}`);
    return unitPrice(price.listMicros, currency);
  },
  standaloneSellingPrice: ({ product, currency }) => {
    const price = priceIn(product, currency);
    return price ? unitPrice(price.sspMicros, currency) : null;
  },
  prices: ({ product }) => product.prices.map((p) => unitPrice(p.listMicros, p.currency)),
};
