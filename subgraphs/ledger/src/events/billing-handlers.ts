import { PermanentEventError, versioned, type InvoicePostedV1, type InvoiceVoidedV1, type PaymentSettledV1 } from '@rg/kit';
import { applyRules, invoiceComponents, paymentComponents, reversalOf, UnbalancedPostingError, type Component } from '../domain/journal';
import { entryLines, findEntry, loadRules, postEntry } from '../store/journal-store';
import { claimInvoice, openOnInvoice, recordMovements, voidInvoice } from '../store/receivable-store';
import { requireLegalEntity } from './legal-entity';
import type { EntityManager } from 'typeorm';

async function book(m: EntityManager, eventType: string, currency: string, components: Component[]) {
  try {
    return applyRules(await loadRules(m), eventType, currency, components);
  } catch (err) {
    // A malformed event will not balance on a retry either.
    if (err instanceof UnbalancedPostingError) throw new PermanentEventError(err.message);
    throw err;
  }
}

/** Dr AR, Cr deferred revenue / usage revenue / tax payable, on the issue date. */
export const onInvoicePosted = versioned<InvoicePostedV1>(1, async (p, event, tx) => {
  await requireLegalEntity(tx.manager, p.legalEntityCode);
  const total = BigInt(p.totalMinor);
  const fresh = await claimInvoice(tx.manager, {
    id: p.invoiceId,
    number: p.number,
    customerId: p.customerId,
    contractId: p.contractId,
    legalEntityCode: p.legalEntityCode,
    currency: p.currency,
    issueDate: p.issueDate,
    total,
  });
  if (!fresh) return;
  const lines = await book(tx.manager, 'InvoicePosted', p.currency, invoiceComponents(p));
  await postEntry(tx.manager, {
    legalEntityCode: p.legalEntityCode,
    date: p.issueDate,
    description: `Invoice ${p.number} posted`,
    purpose: 'InvoicePosted',
    sourceEventId: event.id,
    invoiceId: p.invoiceId,
    contractId: p.contractId,
    lines,
  });
  const applied = BigInt(p.creditAppliedMinor ?? '0');
  const base = { sourceEventId: event.id, legalEntityCode: p.legalEntityCode, currency: p.currency, customerId: p.customerId, businessDate: p.issueDate };
  await recordMovements(tx.manager, [
    { ...base, invoiceId: p.invoiceId, amount: total - applied },
    { ...base, invoiceId: null, amount: applied },
  ]);
});

/** Dr cash; Cr AR per invoice settled and for the unapplied rest. */
export const onPaymentSettled = versioned<PaymentSettledV1>(1, async (p, event, tx) => {
  await requireLegalEntity(tx.manager, p.legalEntityCode);
  const components = paymentComponents(p);
  const lines = await book(tx.manager, 'PaymentSettled', p.currency, components);
  const date = new Date(p.receivedAt).toISOString().slice(0, 10);
  const posted = await postEntry(tx.manager, {
    legalEntityCode: p.legalEntityCode,
    date,
    description: `Payment ${p.paymentId} settled`,
    purpose: 'PaymentSettled',
    sourceEventId: event.id,
    invoiceId: p.invoiceId,
    lines,
  });
  if (!posted) return;
  const base = { sourceEventId: event.id, legalEntityCode: p.legalEntityCode, currency: p.currency, customerId: p.customerId, businessDate: date };
  await recordMovements(
    tx.manager,
    components
      .filter((c) => c.component === 'APPLIED' || c.component === 'UNAPPLIED')
      .map((c) => ({ ...base, invoiceId: c.invoiceId ?? null, amount: -c.amount })),
  );
});

/** The invoice's entry reversed line for line, dated the void date. */
export const onInvoiceVoided = versioned<InvoiceVoidedV1>(1, async (p, event, tx) => {
  const original = await findEntry(tx.manager, { invoiceId: p.invoiceId, purpose: 'InvoicePosted' });
  // Invoice events are ordered per invoice: its posting must have failed before this.
  if (!original) throw new Error(`Invoice ${p.invoiceId} has no posted entry to reverse`);
  if (!(await voidInvoice(tx.manager, p.invoiceId, p.voidedOn))) return;
  const lines = reversalOf(await entryLines(tx.manager, original.id));
  await postEntry(tx.manager, {
    legalEntityCode: original.legalEntityCode,
    date: p.voidedOn,
    description: `Invoice ${p.number} voided: ${p.reason}`,
    purpose: 'InvoiceVoided',
    sourceEventId: event.id,
    invoiceId: p.invoiceId,
    contractId: p.contractId,
    reversalOf: original.id,
    lines,
  });
  // What was open on it is no longer owed; customer credit it had used is given back.
  const open = await openOnInvoice(tx.manager, p.invoiceId);
  const creditReturned = lines.filter((l) => l.account === '1100' && l.invoiceId === null).reduce((a, l) => a + l.amount, 0n);
  const base = { sourceEventId: event.id, legalEntityCode: p.legalEntityCode, currency: p.currency, customerId: p.customerId, businessDate: p.voidedOn };
  await recordMovements(tx.manager, [
    { ...base, invoiceId: p.invoiceId, amount: -open },
    { ...base, invoiceId: null, amount: creditReturned },
  ]);
});
