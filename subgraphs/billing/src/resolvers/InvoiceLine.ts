import type { InvoiceLineResolvers } from '../generated/resolvers';
import { moneyOf } from './money';

export const InvoiceLine: InvoiceLineResolvers = {
  quantity: (l) => l.quantity,
  amount: (l) => moneyOf(l.amountMinor, l.currency),
  tax: (l) => moneyOf(l.taxMinor, l.currency),
};
