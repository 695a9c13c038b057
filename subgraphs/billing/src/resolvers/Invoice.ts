import type { InvoiceResolvers } from '../generated/resolvers';
import { amountDue } from '../domain/invoice-totals';
import { moneyOf } from './money';

export const Invoice: InvoiceResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.invoiceById.load(ref.id),
  customer: (i) => ({ id: i.customerId }),
  contract: (i) => (i.contractId ? { id: i.contractId } : null),
  lines: async (i, _, ctx) => (await ctx.loaders.linesByInvoice.load(i.id)).map((l) => Object.assign(l, { currency: i.currency })),
  subtotal: (i) => moneyOf(i.subtotalMinor, i.currency),
  tax: (i) => moneyOf(i.taxMinor, i.currency),
  total: (i) => moneyOf(i.totalMinor, i.currency),
  creditApplied: (i) => moneyOf(i.creditAppliedMinor, i.currency),
  amountDue: (i) =>
    moneyOf(
      i.status === 'VOID'
        ? 0n
        : amountDue({ totalMinor: BigInt(i.totalMinor), creditAppliedMinor: BigInt(i.creditAppliedMinor), paidMinor: BigInt(i.paidMinor) }),
      i.currency,
    ),
  payments: (i, _, ctx) => ctx.loaders.paymentsByInvoice.load(i.id),
};
