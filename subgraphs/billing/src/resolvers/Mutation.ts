import { mutate } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import { recordPayment } from '../operations/record-payment';
import { recordUsage } from '../operations/record-usage';
import { runBilling } from '../operations/run-billing';
import { voidInvoice } from '../operations/void-invoice';

export const Mutation: MutationResolvers = {
  recordUsage: async (_, { input }, ctx) => ({
    // A rejected event is neither accepted nor a duplicate.
    accepted: false,
    duplicate: false,
    ...(await mutate(
      ctx,
      { action: 'recordUsage', entityType: 'Contract', entityId: input.contractId },
      (tx) => recordUsage(tx, input),
      (outcome) => outcome,
    )),
  }),

  runBilling: async (_, { asOf }, ctx) => ({
    invoices: [],
    ...(await mutate(
      ctx,
      { action: 'runBilling', entityType: 'BillingRun', entityId: asOf },
      (tx) => runBilling(tx, asOf),
      async (ids) => ({ invoices: await Promise.all(ids.map(async (id) => (await ctx.loaders.invoiceById.load(id))!)) }),
    )),
  }),

  recordPayment: (_, { input, idempotencyKey }, ctx) =>
    mutate(
      ctx,
      { action: 'recordPayment', entityType: 'Payment', idempotency: { key: idempotencyKey, input } },
      (tx) => recordPayment(tx, input),
      async (id) => ({ payment: await ctx.loaders.paymentById.load(id) }),
    ),

  voidInvoice: (_, { invoiceId, reason, voidedOn }, ctx) =>
    mutate(
      ctx,
      { action: 'voidInvoice', entityType: 'Invoice', entityId: invoiceId },
      (tx) => voidInvoice(tx, invoiceId, reason, voidedOn),
      async (id) => ({ invoice: await ctx.loaders.invoiceById.load(id) }),
    ),
};
