import { DomainError, minorDigits, newId, parseScaled, type Tx } from '@rg/kit';
import { amountDue, invoiceStatus } from '../domain/invoice-totals';
import { applyPayment } from '../domain/payment-application';
import { paymentFailed, paymentSettled } from '../events/published';
import { changeCredit, lockAccount } from '../store/account-store';
import { lockInvoice, lockOpenInvoices, recordInvoicePaid } from '../store/invoice-store';
import { insertPayment, type NewPayment } from '../store/payment-store';
import type { InvoiceRow } from '../store/invoice-entities';

export interface PaymentInput {
  customerId: string;
  invoiceId?: string | null;
  amount: { amount: string; currency: string };
  receivedAt: string;
  externalId: string;
  status?: 'SETTLED' | 'FAILED' | null;
  failureReason?: string | null;
}

const at = (...f: string[]) => ['input', ...f];

const dueOf = (i: InvoiceRow) =>
  amountDue({ totalMinor: BigInt(i.totalMinor), creditAppliedMinor: BigInt(i.creditAppliedMinor), paidMinor: BigInt(i.paidMinor) });

/**
 * A settled payment pays the named invoice, or the customer's oldest open invoices; what is left
 * over becomes customer credit. A failed payment is recorded with its reason and moves no money.
 */
export async function recordPayment(tx: Tx, input: PaymentInput): Promise<string> {
  const m = tx.manager;
  const status = input.status ?? 'SETTLED';
  if (!input.externalId.trim()) throw new DomainError('EXTERNAL_ID_REQUIRED', 'externalId must not be empty', at('externalId'));
  const received = new Date(input.receivedAt);
  if (Number.isNaN(received.getTime())) throw new DomainError('INVALID_DATE', `"${input.receivedAt}" is not a date-time`, at('receivedAt'));
  const failureReason = input.failureReason?.trim() || null;
  if (status === 'FAILED' && !failureReason) {
    throw new DomainError('FAILURE_REASON_REQUIRED', 'A failed payment needs its failure reason', at('failureReason'));
  }

  const account = await lockAccount(m, input.customerId);
  if (!account) throw new DomainError('CUSTOMER_NOT_FOUND', `Customer ${input.customerId} was not found`, at('customerId'));
  if (input.amount.currency !== account.currency) {
    throw new DomainError('CURRENCY_MISMATCH', `Payment in ${input.amount.currency} for a customer billed in ${account.currency}`, at('amount', 'currency'));
  }
  let amountMinor: bigint;
  try {
    amountMinor = parseScaled(input.amount.amount, minorDigits(account.currency));
  } catch {
    throw new DomainError('INVALID_AMOUNT', `"${input.amount.amount}" is not an amount in ${account.currency}`, at('amount', 'amount'));
  }
  if (amountMinor <= 0n) throw new DomainError('INVALID_AMOUNT', 'A payment amount must be positive', at('amount', 'amount'));

  let named: InvoiceRow | null = null;
  if (input.invoiceId) {
    named = await lockInvoice(m, input.invoiceId);
    if (!named || named.customerId !== account.id) {
      throw new DomainError('INVOICE_NOT_FOUND', `Invoice ${input.invoiceId} of this customer was not found`, at('invoiceId'));
    }
    if (named.currency !== input.amount.currency) {
      throw new DomainError('CURRENCY_MISMATCH', `Invoice ${named.number} is in ${named.currency}`, at('amount', 'currency'));
    }
    if (named.status === 'VOID' || (status === 'SETTLED' && dueOf(named) === 0n)) {
      throw new DomainError('INVOICE_NOT_OPEN', `Invoice ${named.number} has nothing due (${named.status})`, at('invoiceId'));
    }
  }

  const payment: NewPayment = {
    id: newId('Payment'),
    customerId: account.id,
    invoiceId: named?.id ?? null,
    partnerId: account.partnerId,
    currency: account.currency,
    amountMinor,
    unappliedMinor: 0n,
    status,
    receivedAt: received.toISOString(),
    externalId: input.externalId.trim(),
    failureReason: status === 'FAILED' ? failureReason : null,
    applications: [],
  };
  if (status === 'FAILED') {
    await insertPayment(m, payment);
    tx.emit(paymentFailed(payment, account.legalEntityCode));
  } else {
    const open = named ? [named] : await lockOpenInvoices(m, account.id);
    const applied = applyPayment(amountMinor, open.map((i) => ({ id: i.id, dueMinor: dueOf(i) })));
    for (const a of applied.applications) {
      const inv = open.find((i) => i.id === a.invoiceId)!;
      const paidMinor = BigInt(inv.paidMinor) + a.amountMinor;
      await recordInvoicePaid(m, inv.id, paidMinor, invoiceStatus({ totalMinor: BigInt(inv.totalMinor), creditAppliedMinor: BigInt(inv.creditAppliedMinor), paidMinor }));
    }
    payment.applications = applied.applications;
    payment.unappliedMinor = applied.unappliedMinor;
    payment.invoiceId = named?.id ?? applied.applications[0]?.invoiceId ?? null;
    await insertPayment(m, payment);
    await changeCredit(m, account.id, applied.unappliedMinor);
    tx.emit(paymentSettled(payment, account.legalEntityCode));
  }
  tx.setSubject('Payment', payment.id);
  tx.audit({
    action: 'recordPayment',
    entityType: 'Payment',
    entityId: payment.id,
    decision: 'ALLOWED',
    after: {
      status,
      amountMinor: amountMinor.toString(),
      applications: payment.applications.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor.toString() })),
      unappliedMinor: payment.unappliedMinor.toString(),
      failureReason: payment.failureReason,
    },
  });
  return payment.id;
}
