import { randomUUID } from 'node:crypto';
import type { TestStack } from '@rg/testkit';
import type { InvoicePostedV1, PaymentSettledV1 } from '@rg/kit';

/** Appends a catalog-shaped event to the log as a producer would (see kit appendEvents). */
export async function appendEvent(
  stack: TestStack,
  e: { type: string; aggregateType: string; aggregateId: string; payload: unknown; producer?: string; id?: string },
): Promise<string> {
  const id = e.id ?? randomUUID();
  await stack.sql(
    `INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, causation_id, occurred_at, payload)
     VALUES ($1, $2, 1, $3, $4, $5, $6, NULL, now(), $7)`,
    [id, e.type, e.producer ?? 'billing', e.aggregateType, e.aggregateId, `test-${id}`, JSON.stringify(e.payload)],
  );
  await stack.sql(`SELECT pg_notify('event_log', 'test')`);
  return id;
}

type Line = InvoicePostedV1['lines'][number];
export const invoiceLine = (kind: Line['kind'], productCode: string | null, amountMinor: string, extra: Partial<Line> = {}): Line => ({
  kind,
  productCode,
  description: productCode ?? kind,
  quantity: '1',
  periodStart: null,
  periodEnd: null,
  amountMinor,
  taxMinor: '0',
  ...extra,
});

/** An InvoicePosted payload with its totals computed from its lines. */
export function invoicePosted(p: { invoiceId: string; number: string; customerId: string; contractId: string | null; issueDate: string; lines: Line[]; legalEntityCode?: string; currency?: string }): InvoicePostedV1 {
  const subtotal = p.lines.reduce((a, l) => a + BigInt(l.amountMinor), 0n);
  const tax = p.lines.reduce((a, l) => a + BigInt(l.taxMinor), 0n);
  return {
    invoiceId: p.invoiceId,
    number: p.number,
    customerId: p.customerId,
    contractId: p.contractId,
    legalEntityCode: p.legalEntityCode ?? 'US01',
    currency: p.currency ?? 'USD',
    issueDate: p.issueDate,
    dueDate: p.issueDate,
    subtotalMinor: String(subtotal),
    taxMinor: String(tax),
    totalMinor: String(subtotal + tax),
    creditAppliedMinor: '0',
    lines: p.lines,
  };
}

export function paymentSettled(p: { paymentId: string; customerId: string; invoiceId: string | null; amountMinor: string; receivedAt: string; appliedMinor?: string; legalEntityCode?: string; currency?: string }): PaymentSettledV1 {
  const applied = p.invoiceId ? (p.appliedMinor ?? p.amountMinor) : '0';
  return {
    paymentId: p.paymentId,
    customerId: p.customerId,
    invoiceId: p.invoiceId,
    legalEntityCode: p.legalEntityCode ?? 'US01',
    currency: p.currency ?? 'USD',
    amountMinor: p.amountMinor,
    receivedAt: p.receivedAt,
    applications: p.invoiceId ? [{ invoiceId: p.invoiceId, amountMinor: applied }] : [],
    unappliedMinor: String(BigInt(p.amountMinor) - BigInt(applied)),
  };
}

export const postInvoice = (stack: TestStack, inv: InvoicePostedV1) =>
  appendEvent(stack, { type: 'InvoicePosted', aggregateType: 'Invoice', aggregateId: inv.invoiceId, payload: inv });
export const settlePayment = (stack: TestStack, p: PaymentSettledV1) =>
  appendEvent(stack, { type: 'PaymentSettled', aggregateType: 'Payment', aggregateId: p.paymentId, payload: p });

// ---------------------------------------------------------------- operations through the gateway
const ERRORS = 'userErrors { code message field }';
const ENTRY = `id entryDate description sourceEventId purpose note legalEntity { code }
  lines { account { code name type } debit { amount currency } credit { amount currency } memo }`;

export const RUN_RECOGNITION = `mutation($le: String!, $period: String!) {
  runRevenueRecognition(legalEntityCode: $le, period: $period) { period { period status } journalEntries { ${ENTRY} } ${ERRORS} }
}`;
export const CLOSE_PERIOD = `mutation($le: String!, $period: String!) {
  closePeriod(legalEntityCode: $le, period: $period) { period { period status } journalEntries { id } ${ERRORS} }
}`;
export const REOPEN_PERIOD = `mutation($le: String!, $period: String!, $reason: String!) {
  reopenPeriod(legalEntityCode: $le, period: $period, reason: $reason) { period { period status } ${ERRORS} }
}`;
export const TRIAL_BALANCE = `query($le: String!, $asOf: Date!) {
  trialBalance(legalEntityCode: $le, asOf: $asOf) { account { code name } debit { amount currency } credit { amount } balance { amount } }
}`;
export const PERIODS = `query($le: String!) { accountingPeriods(legalEntityCode: $le) { period status } }`;
export const ENTRIES = `query($le: String!, $period: String!) { journalEntries(legalEntityCode: $le, period: $period) { ${ENTRY} } }`;
export const SCHEDULE = `query($id: ID!) { contract(id: $id) { id revenueSchedule { contract { id } obligations {
  productCode description pattern serviceStart serviceEnd allocatedPrice { amount currency } recognizedToDate { amount } deferred { amount } } } } }`;
export const AR_RECONCILIATION = `query($le: String!, $asOf: Date!) { arReconciliation(legalEntityCode: $le, asOf: $asOf) {
  currency subledgerOpen { amount } unappliedCredit { amount } glBalance { amount } difference { amount }
  openInvoices { invoice { id } invoiceNumber subledgerOpen { amount } glBalance { amount } }
  differences { invoice { id } invoiceNumber subledgerOpen { amount } glBalance { amount } difference { amount } } } }`;
export const ROLL_FORWARD = `query($le: String!, $period: String!) { deferredRevenueRollForward(legalEntityCode: $le, period: $period) {
  currency opening { amount } billed { amount } recognized { amount } other { amount } closing { amount } } }`;
export const DEAD_LETTERS = `query($all: Boolean) { deadLetters(first: 20, includeResolved: $all) { id service eventId eventType attempts lastError status } }`;
export const RETRY = `mutation($id: ID!) { retryDeadLetter(id: $id) }`;
export const DISCARD = `mutation($id: ID!, $reason: String!) { discardDeadLetter(id: $id, reason: $reason) }`;
export const AUDIT = `query($type: String!, $id: ID!) { auditTrail(entityType: $type, entityId: $id) { actor action decision reason correlationId } }`;

/** "Cr 4000 1766.58" per line: easy to read in a failing assertion. */
export const describeLines = (entry: { lines: Array<{ account: { code: string }; debit: { amount: string }; credit: { amount: string } }> }) =>
  entry.lines.map((l) => (l.debit.amount !== '0.00' ? `Dr ${l.account.code} ${l.debit.amount}` : `Cr ${l.account.code} ${l.credit.amount}`));

/** Trial balance rows as "code side amount". */
export const describeTrialBalance = (rows: Array<{ account: { code: string }; debit: { amount: string }; credit: { amount: string } }>) =>
  rows.map((r) => (r.credit.amount !== '0.00' ? `${r.account.code} Cr ${r.credit.amount}` : `${r.account.code} Dr ${r.debit.amount}`));

// ---------------------------------------------------------------- the contract of the worked example, through the real mutations
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } ${ERRORS} } }`;
const CREATE_QUOTE = `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } ${ERRORS} } }`;
const SUBMIT_QUOTE = `mutation($id: ID!) { submitQuote(quoteId: $id) { quote { id } ${ERRORS} } }`;
const APPROVE_QUOTE = `mutation($id: ID!) { approveQuote(quoteId: $id) { quote { id } ${ERRORS} } }`;
const ACCEPT_QUOTE = `mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id number } ${ERRORS} } }`;
export const AMEND_CONTRACT = `mutation($input: AmendContractInput!, $key: String) {
  amendContract(input: $input, idempotencyKey: $key) { contract { id version } amendment { id } ${ERRORS} } }`;
export const COMPLETE_ONBOARDING = `mutation($id: ID!, $on: Date!) { completeOnboarding(contractId: $id, completedOn: $on) { contract { id } ${ERRORS} } }`;

function ok<T>(res: { data?: any; errors?: unknown }, field: string): T {
  if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  const payload = res.data[field];
  if (payload.userErrors?.length) throw new Error(`${field}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** Steps 1-2 of the worked example: Acme's contract 2026-01-01..2026-12-31, approved by a sales manager. */
export async function acmeContract(stack: TestStack): Promise<{ customerId: string; contractId: string; number: string }> {
  const admin = stack.as('admin');
  const { customer } = ok<any>(
    await admin.gql(CREATE_CUSTOMER, { input: { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' } }),
    'createCustomer',
  );
  await stack.settle();
  const rep = stack.as('sales_rep', { sub: 'rep-ann' });
  const lines = [
    { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
    { productCode: 'SEAT', quantity: 10 },
    { productCode: 'API_CALLS', quantity: 1 },
    { productCode: 'ONBOARDING', quantity: 1 },
  ];
  const { quote } = ok<any>(
    await rep.gql(CREATE_QUOTE, { input: { customerId: customer.id, startDate: '2026-01-01', termMonths: 12, billingFrequency: 'MONTHLY', lines } }),
    'createQuote',
  );
  ok(await rep.gql(SUBMIT_QUOTE, { id: quote.id }), 'submitQuote');
  ok(await stack.as('sales_manager', { sub: 'manager-bob' }).gql(APPROVE_QUOTE, { id: quote.id }), 'approveQuote');
  const { contract } = ok<any>(await rep.gql(ACCEPT_QUOTE, { id: quote.id }), 'acceptQuote');
  await stack.settle();
  return { customerId: customer.id, contractId: contract.id, number: contract.number };
}

export { ok };
