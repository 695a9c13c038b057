import type { InvoicePostedV1, InvoiceVoidedV1, NewEvent, PaymentFailedV1, PaymentSettledV1, UsageSummarizedV1 } from '@rg/kit';
import type { NewInvoice } from '../store/invoice-store';
import type { NewPayment } from '../store/payment-store';
import type { InvoiceRow } from '../store/invoice-entities';

/** What every invoice event says about the invoice. */
const invoiceFacts = (inv: Pick<InvoiceRow, 'id' | 'number' | 'customerId' | 'contractId' | 'legalEntityCode' | 'currency'>) => ({
  invoiceId: inv.id,
  number: inv.number,
  customerId: inv.customerId,
  contractId: inv.contractId,
  legalEntityCode: inv.legalEntityCode,
  currency: inv.currency,
});

/** Everything the ledger needs to post the invoice and recognise its revenue. */
export function invoicePosted(inv: NewInvoice): NewEvent<InvoicePostedV1> {
  return {
    type: 'InvoicePosted',
    aggregateType: 'Invoice',
    aggregateId: inv.id,
    payload: {
      ...invoiceFacts(inv),
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      subtotalMinor: inv.subtotalMinor.toString(),
      taxMinor: inv.taxMinor.toString(),
      totalMinor: inv.totalMinor.toString(),
      creditAppliedMinor: inv.creditAppliedMinor.toString(),
      lines: inv.lines.map((l) => ({
        kind: l.kind as InvoicePostedV1['lines'][number]['kind'],
        productCode: l.productCode,
        description: l.description,
        quantity: l.quantity.toString(),
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        amountMinor: l.amountMinor.toString(),
        taxMinor: l.taxMinor.toString(),
        amendmentId: l.amendmentId,
      })),
    },
  };
}

export function invoiceVoided(inv: InvoiceRow, reason: string, voidedOn: string): NewEvent<InvoiceVoidedV1> {
  return {
    type: 'InvoiceVoided',
    aggregateType: 'Invoice',
    aggregateId: inv.id,
    payload: {
      ...invoiceFacts(inv),
      voidedOn,
      reason,
      totalMinor: inv.totalMinor,
    },
  };
}

/** What both payment outcomes say about the payment. */
const paymentFacts = (p: NewPayment, legalEntityCode: string) => ({
  paymentId: p.id,
  customerId: p.customerId,
  invoiceId: p.invoiceId,
  legalEntityCode,
  currency: p.currency,
  amountMinor: p.amountMinor.toString(),
  receivedAt: p.receivedAt,
});

export function paymentSettled(p: NewPayment, legalEntityCode: string): NewEvent<PaymentSettledV1> {
  return {
    type: 'PaymentSettled',
    aggregateType: 'Payment',
    aggregateId: p.id,
    payload: {
      ...paymentFacts(p, legalEntityCode),
      applications: p.applications.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor.toString() })),
      unappliedMinor: p.unappliedMinor.toString(),
    },
  };
}

export function paymentFailed(p: NewPayment, legalEntityCode: string): NewEvent<PaymentFailedV1> {
  return {
    type: 'PaymentFailed',
    aggregateType: 'Payment',
    aggregateId: p.id,
    payload: { ...paymentFacts(p, legalEntityCode), failureReason: p.failureReason ?? '' },
  };
}

export function usageSummarized(u: UsageSummarizedV1): NewEvent<UsageSummarizedV1> {
  return { type: 'UsageSummarized', aggregateType: 'Contract', aggregateId: u.contractId, payload: u };
}
