import type { QuoteLineResolvers } from '../generated/resolvers';
import { formatDiscount } from '../domain/discount';
import { unitPrice } from './money';

export const QuoteLine: QuoteLineResolvers = {
  product: async ({ line, currency }, _, ctx) => ({ product: (await ctx.loaders.productByCode.load(line.productCode))!, currency }),
  quantity: ({ line }) => line.quantity,
  discountPercent: ({ line }) => formatDiscount(BigInt(line.discountHundredths)),
  netUnitPrice: ({ line, currency }) => unitPrice(line.netMicros, currency),
};
