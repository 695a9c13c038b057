import { DomainError, isValidDate, today, type Tx } from '@rg/kit';
import { invoiceVoided } from '../events/published';
import { changeCredit, lockAccount } from '../store/account-store';
import { InvoiceRow } from '../store/invoice-entities';
import { hasPaymentApplications, lockInvoice, markVoid } from '../store/invoice-store';

/**
 * Voids a posted invoice that no payment touched. Its billed items are released (the next run
 * bills those periods again) and the customer credit it consumed or created is undone.
 */
export async function voidInvoice(tx: Tx, invoiceId: string, reason: string, voidedOn?: string | null): Promise<string> {
  const m = tx.manager;
  if (!reason.trim()) throw new DomainError('REASON_REQUIRED', 'A reason is required to void an invoice', ['reason']);
  const on = voidedOn ?? today();
  if (!isValidDate(on)) throw new DomainError('INVALID_DATE', `"${on}" is not a valid date`, ['voidedOn']);
  const found = await m.findOne(InvoiceRow, { where: { id: invoiceId } });
  if (!found) throw new DomainError('INVOICE_NOT_FOUND', `Invoice ${invoiceId} was not found`, ['invoiceId']);
  // Account before invoice: the order payments and billing runs lock them in.
  const account = (await lockAccount(m, found.customerId))!;
  const invoice = (await lockInvoice(m, invoiceId))!;
  tx.setSubject('Invoice', invoice.id);
  if (invoice.status === 'VOID') throw new DomainError('INVOICE_ALREADY_VOID', `Invoice ${invoice.number} is void already`, ['invoiceId']);
  if (BigInt(invoice.paidMinor) > 0n || (await hasPaymentApplications(m, invoice.id))) {
    throw new DomainError('INVOICE_HAS_PAYMENTS', `Invoice ${invoice.number} has payments; it cannot be voided`, ['invoiceId']);
  }
  const creditBack = BigInt(invoice.creditAppliedMinor) - BigInt(invoice.creditIssuedMinor);
  if (BigInt(account.creditMinor) + creditBack < 0n) {
    throw new DomainError('INVOICE_CREDIT_USED', `The credit invoice ${invoice.number} issued has been used already`, ['invoiceId']);
  }
  await changeCredit(m, account.id, creditBack);
  await markVoid(m, invoice.id, reason.trim(), on);
  tx.emit(invoiceVoided(invoice, reason.trim(), on));
  tx.audit({
    action: 'voidInvoice',
    entityType: 'Invoice',
    entityId: invoice.id,
    decision: 'ALLOWED',
    reason: reason.trim(),
    before: { status: invoice.status, number: invoice.number },
    after: { status: 'VOID', voidedOn: on },
  });
  return invoice.id;
}
