import type { ContractLineResolvers } from '../generated/resolvers';
import { formatDiscount } from '../domain/discount';
import { unitPrice } from './money';

export const ContractLine: ContractLineResolvers = {
  product: async ({ line, currency }, _, ctx) => ({ product: (await ctx.loaders.productByCode.load(line.productCode))!, currency }),
  quantity: ({ line }) => line.quantity,
  discountPercent: ({ line }) => formatDiscount(BigInt(line.discountHundredths)),
  netUnitPrice: ({ line, currency }) => unitPrice(line.netMicros, currency),
};
