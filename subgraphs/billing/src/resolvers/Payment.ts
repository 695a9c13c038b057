import type { PaymentResolvers } from '../generated/resolvers';
import { moneyOf } from './money';

export const Payment: PaymentResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.paymentById.load(ref.id),
  customer: (p) => ({ id: p.customerId }),
  invoice: (p, _, ctx) => (p.invoiceId ? ctx.loaders.invoiceById.load(p.invoiceId) : null),
  amount: (p) => moneyOf(p.amountMinor, p.currency),
  receivedAt: (p) => p.receivedAt.toISOString(),
};
