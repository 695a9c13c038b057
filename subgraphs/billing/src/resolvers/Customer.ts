import { LEGAL_ENTITIES, today } from '@rg/kit';
import type { CustomerResolvers } from '../generated/resolvers';
import { collectionsStatus } from '../domain/collections';
import { amountDue } from '../domain/invoice-totals';
import type { InvoiceRow } from '../store/invoice-entities';
import type { Context } from '../context';
import { moneyOf } from './money';

const OPEN = new Set(['POSTED', 'PARTIALLY_PAID']);
const dueOf = (i: InvoiceRow) =>
  OPEN.has(i.status) ? amountDue({ totalMinor: BigInt(i.totalMinor), creditAppliedMinor: BigInt(i.creditAppliedMinor), paidMinor: BigInt(i.paidMinor) }) : 0n;

/**
 * A customer billing has not heard of yet has nothing billed; its money fields are zero in the
 * currency of its invoices, or of the seller's default entity.
 */
const currencyOf = async (id: string, ctx: Context) =>
  (await ctx.loaders.accountById.load(id))?.currency ?? (await ctx.loaders.invoicesByCustomer.load(id))[0]?.currency ?? LEGAL_ENTITIES[0].currency;

export const Customer: CustomerResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  invoices: (c, _, ctx) => ctx.loaders.invoicesByCustomer.load(c.id),
  payments: (c, _, ctx) => ctx.loaders.paymentsByCustomer.load(c.id),
  balance: async (c, _, ctx) => {
    const invoices = await ctx.loaders.invoicesByCustomer.load(c.id);
    return moneyOf(invoices.reduce((sum, i) => sum + dueOf(i), 0n), await currencyOf(c.id, ctx));
  },
  credit: async (c, _, ctx) => {
    const account = await ctx.loaders.accountById.load(c.id);
    return moneyOf(account?.creditMinor ?? '0', await currencyOf(c.id, ctx));
  },
  collections: async (c, { asOf }, ctx) => {
    const [invoices, payments] = await Promise.all([ctx.loaders.invoicesByCustomer.load(c.id), ctx.loaders.paymentsByCustomer.load(c.id)]);
    return collectionsStatus({
      openInvoices: invoices.map((i) => ({ ...i, dueMinor: dueOf(i) })),
      failedPaymentDates: payments.filter((p) => p.status === 'FAILED').map((p) => p.receivedAt.toISOString().slice(0, 10)),
      asOf: asOf ?? today(),
    });
  },
};
