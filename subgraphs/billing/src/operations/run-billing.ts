import { addDays, DomainError, isValidDate, newId, PAYMENT_TERMS_DAYS, type Tx } from '@rg/kit';
import { invoiceLineOrder, type BillingPlan } from '../domain/billed-items';
import { planBilling } from '../domain/billing-plan';
import { totalInvoice } from '../domain/invoice-totals';
import { taxRateOf } from '../domain/tax';
import { invoicePosted, usageSummarized } from '../events/published';
import { changeCredit, lockAccount } from '../store/account-store';
import { AlreadyBilledError, billedItems, claimItems, insertInvoice, nextInvoiceNumber, type NewInvoice } from '../store/invoice-store';
import { contractsStartedBy, loadSubscription, type LoadedSubscription } from '../store/subscription-store';
import { monthlyUsage } from '../store/usage-store';

/** Billing runs take turns; the unique key on billed items is the guarantee underneath. */
const BILLING_RUN_LOCK = 727_300;

/** Issues and posts every invoice due up to asOf: one per contract with anything to bill. */
export async function runBilling(tx: Tx, asOf: string): Promise<string[]> {
  if (!isValidDate(asOf)) throw new DomainError('INVALID_DATE', `"${asOf}" is not a valid date`, ['asOf']);
  const m = tx.manager;
  await m.query('SELECT pg_advisory_xact_lock($1)', [BILLING_RUN_LOCK]);
  const issued: string[] = [];
  for (const contractId of await contractsStartedBy(m, asOf)) {
    const loaded = (await loadSubscription(m, contractId, true))!;
    const billed = await billedItems(m, contractId);
    const usage = await monthlyUsage(m, contractId);
    const plan = planBilling(loaded.subscription, billed, usage, asOf);
    if (plan.items.length === 0) continue;
    const invoiceId = plan.items.some((i) => i.line) ? await issueInvoice(tx, loaded, plan, asOf) : null;
    try {
      await claimItems(m, contractId, plan.items, invoiceId, asOf);
    } catch (err) {
      if (err instanceof AlreadyBilledError) throw new DomainError('ALREADY_BILLED', err.message);
      throw err;
    }
    for (const u of plan.usageSummaries) {
      tx.emit(usageSummarized({ contractId, customerId: loaded.row.customerId, productCode: u.productCode, month: u.month, quantity: u.used.toString() }));
    }
    if (invoiceId) issued.push(invoiceId);
  }
  tx.audit({ action: 'runBilling', entityType: 'BillingRun', entityId: asOf, decision: 'ALLOWED', after: { invoices: issued } });
  return issued;
}

async function issueInvoice(tx: Tx, { row, subscription }: LoadedSubscription, plan: BillingPlan, asOf: string): Promise<string> {
  const m = tx.manager;
  const account = await lockAccount(m, row.customerId);
  if (!account) throw new DomainError('CUSTOMER_NOT_FOUND', `Customer ${row.customerId} of contract ${row.number} is unknown to billing`);
  const rate = taxRateOf(account.taxRegion);
  if (rate === null) throw new DomainError('UNKNOWN_TAX_REGION', `No tax rate for region ${account.taxRegion}`);
  const lines = plan.items
    .filter((i) => i.line)
    .sort(invoiceLineOrder)
    .map((i) => ({ ...i.line!, productCode: i.productCode, amountMinor: i.amountMinor }));
  const totals = totalInvoice(lines, rate, BigInt(account.creditMinor));
  const invoice: NewInvoice = {
    id: newId('Invoice'),
    number: await nextInvoiceNumber(m, row.legalEntityCode, Number(asOf.slice(0, 4))),
    customerId: row.customerId,
    contractId: row.contractId,
    partnerId: row.partnerId,
    legalEntityCode: row.legalEntityCode,
    currency: subscription.currency,
    status: totals.status,
    issueDate: asOf,
    dueDate: addDays(asOf, PAYMENT_TERMS_DAYS),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    creditAppliedMinor: totals.creditAppliedMinor,
    creditIssuedMinor: totals.creditIssuedMinor,
    lines: totals.lines,
  };
  await insertInvoice(m, invoice);
  await changeCredit(m, account.id, totals.creditIssuedMinor - totals.creditAppliedMinor);
  tx.emit(invoicePosted(invoice));
  tx.audit({
    action: 'postInvoice',
    entityType: 'Invoice',
    entityId: invoice.id,
    decision: 'ALLOWED',
    after: { number: invoice.number, contractId: row.contractId, totalMinor: invoice.totalMinor.toString(), creditAppliedMinor: invoice.creditAppliedMinor.toString() },
  });
  return invoice.id;
}
