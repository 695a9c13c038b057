import {
  addDays,
  periodEnd,
  versioned,
  type EventHandlers,
  type InvoicePostedV1,
  type InvoiceVoidedV1,
  type PaymentFailedV1,
  type PaymentSettledV1,
  type UsageSummarizedV1,
} from '@rg/kit';
import type { EntityManager } from 'typeorm';
import { findRenewalByContract, openRenewalsOf } from '../store/renewal-store';
import { recordInvoice, recordInvoicePayment, recordInvoiceVoided, recordPaymentFailure, recordUsage } from '../store/signal-store';
import { reassess, type Cause } from './reassess';

/** Payment and invoice signals are about the customer: every open renewal of theirs is re-scored. */
const rescoreCustomer = async (m: EntityManager, customerId: string, businessDate: string, cause: Cause) =>
  reassess(m, await openRenewalsOf(m, [customerId]), businessDate, cause);

const dateOf = (timestamp: string) => timestamp.slice(0, 10);

export const billingHandlers: EventHandlers = {
  InvoicePosted: versioned<InvoicePostedV1>(1, async (p, event, tx) => {
    await recordInvoice(tx.manager, {
      invoiceId: p.invoiceId,
      number: p.number,
      customerId: p.customerId,
      contractId: p.contractId,
      currency: p.currency,
      issueDate: p.issueDate,
      dueDate: p.dueDate,
      amountDueMinor: BigInt(p.totalMinor) - BigInt(p.creditAppliedMinor ?? '0'),
    });
    await rescoreCustomer(tx.manager, p.customerId, p.issueDate, { type: event.type, eventId: event.id });
  }),

  InvoiceVoided: versioned<InvoiceVoidedV1>(1, async (p, event, tx) => {
    await recordInvoiceVoided(tx.manager, p.invoiceId, p.voidedOn);
    await rescoreCustomer(tx.manager, p.customerId, p.voidedOn, { type: event.type, eventId: event.id });
  }),

  PaymentSettled: versioned<PaymentSettledV1>(1, async (p, event, tx) => {
    const appliedOn = dateOf(p.receivedAt);
    for (const a of p.applications) {
      await recordInvoicePayment(tx.manager, { paymentId: p.paymentId, invoiceId: a.invoiceId, customerId: p.customerId, appliedOn, amountMinor: BigInt(a.amountMinor) });
    }
    await rescoreCustomer(tx.manager, p.customerId, appliedOn, { type: event.type, eventId: event.id });
  }),

  PaymentFailed: versioned<PaymentFailedV1>(1, async (p, event, tx) => {
    const failedOn = dateOf(p.receivedAt);
    await recordPaymentFailure(tx.manager, {
      paymentId: p.paymentId,
      customerId: p.customerId,
      invoiceId: p.invoiceId,
      failedOn,
      amountMinor: BigInt(p.amountMinor),
      currency: p.currency,
      reason: p.failureReason,
    });
    await rescoreCustomer(tx.manager, p.customerId, failedOn, { type: event.type, eventId: event.id });
  }),

  UsageSummarized: versioned<UsageSummarizedV1>(1, async (p, event, tx) => {
    await recordUsage(tx.manager, p.contractId, { productCode: p.productCode, month: p.month, quantity: p.quantity });
    const renewal = await findRenewalByContract(tx.manager, p.contractId, true);
    // A month's usage is known the day after it ends.
    if (renewal?.status === 'OPEN') await reassess(tx.manager, [renewal], addDays(periodEnd(p.month), 1), { type: event.type, eventId: event.id });
  }),
};
