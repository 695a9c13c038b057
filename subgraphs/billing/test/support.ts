import type { TestStack } from '@rg/testkit';

export const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id } userErrors { code message field } }
}`;
const CREATE_QUOTE = `mutation($input: CreateQuoteInput!) {
  createQuote(input: $input) { quote { id requiredApproval } userErrors { code message field } }
}`;
const SUBMIT_QUOTE = `mutation($id: ID!) { submitQuote(quoteId: $id) { userErrors { code message } } }`;
const APPROVE_QUOTE = `mutation($id: ID!) { approveQuote(quoteId: $id) { userErrors { code message } } }`;
const ACCEPT_QUOTE = `mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id number } userErrors { code message } } }`;
export const AMEND_CONTRACT = `mutation($input: AmendContractInput!, $key: String) {
  amendContract(input: $input, idempotencyKey: $key) { contract { id version } amendment { id } userErrors { code message field } }
}`;
export const CANCEL_CONTRACT = `mutation($id: ID!, $date: Date!, $reason: String!) {
  cancelContract(contractId: $id, effectiveDate: $date, reason: $reason) { contract { id status } userErrors { code message field } }
}`;

export const INVOICE_FIELDS = `id number status issueDate dueDate
  customer { id } contract { id }
  lines { kind description productCode quantity periodStart periodEnd amount { amount currency } tax { amount currency } }
  subtotal { amount currency } tax { amount currency } total { amount currency }
  creditApplied { amount currency } amountDue { amount currency }
  payments { id status amount { amount } }`;

export const RUN_BILLING = `mutation($asOf: Date!) {
  runBilling(asOf: $asOf) { invoices { ${INVOICE_FIELDS} } userErrors { code message field } }
}`;
export const RECORD_USAGE = `mutation($input: RecordUsageInput!) {
  recordUsage(input: $input) { accepted duplicate userErrors { code message field } }
}`;
export const RECORD_PAYMENT = `mutation($input: RecordPaymentInput!, $key: String!) {
  recordPayment(input: $input, idempotencyKey: $key) {
    payment { id status amount { amount currency } failureReason externalId receivedAt customer { id } invoice { id number status } }
    userErrors { code message field }
  }
}`;
export const VOID_INVOICE = `mutation($id: ID!, $reason: String!, $on: Date) {
  voidInvoice(invoiceId: $id, reason: $reason, voidedOn: $on) { invoice { id status voidReason amountDue { amount } } userErrors { code message field } }
}`;
export const INVOICE = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const ACCOUNT = `query($id: ID!, $asOf: Date) {
  customer(id: $id) {
    id name
    balance { amount currency } credit { amount currency }
    invoices { id number status amountDue { amount } }
    payments { id status failureReason }
    collections(asOf: $asOf) { bucket daysOverdue failedPaymentsLast90Days oldestOverdueInvoice { id number } }
  }
}`;

export const ACME = { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' };

/** The worked example's lines: PLATFORM at 20% off, 10 seats, API calls, onboarding. */
export const ACME_LINES = [
  { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
  { productCode: 'SEAT', quantity: 10 },
  { productCode: 'API_CALLS', quantity: 1 },
  { productCode: 'ONBOARDING', quantity: 1 },
];

export async function newCustomer(stack: TestStack, input: Record<string, unknown> = {}): Promise<string> {
  const res = await stack.as('admin').gql(CREATE_CUSTOMER, { input: { ...ACME, ...input } });
  const { customer, userErrors } = res.data.createCustomer;
  if (userErrors.length) throw new Error(`createCustomer: ${JSON.stringify(userErrors)}`);
  await stack.settle();
  return customer.id;
}

/**
 * A contract through the contract subgraph's public mutations (quote, approval when needed,
 * acceptance), then waits until billing has its terms.
 */
export async function newContract(
  stack: TestStack,
  customerId: string,
  quote: { startDate?: string; termMonths?: number; billingFrequency?: string; lines?: unknown[] } = {},
): Promise<{ id: string; number: string }> {
  const rep = stack.as('sales_rep', { sub: 'rep-ann' });
  const input = { customerId, startDate: '2026-01-01', termMonths: 12, billingFrequency: 'MONTHLY', lines: ACME_LINES, ...quote };
  const created = (await rep.gql(CREATE_QUOTE, { input })).data.createQuote;
  if (created.userErrors.length) throw new Error(`createQuote: ${JSON.stringify(created.userErrors)}`);
  const quoteId = created.quote.id;
  if (created.quote.requiredApproval !== 'NONE') {
    await rep.gql(SUBMIT_QUOTE, { id: quoteId });
    const approved = await stack.as('finance', { sub: 'finance-fay' }).gql(APPROVE_QUOTE, { id: quoteId });
    if (approved.data.approveQuote.userErrors.length) throw new Error(JSON.stringify(approved.data.approveQuote.userErrors));
  }
  const accepted = (await rep.gql(ACCEPT_QUOTE, { id: quoteId })).data.acceptQuote;
  if (accepted.userErrors.length) throw new Error(`acceptQuote: ${JSON.stringify(accepted.userErrors)}`);
  await stack.settle();
  return accepted.contract;
}

export async function amend(stack: TestStack, contractId: string, effectiveDate: string, changes: Array<{ productCode: string; quantity: number }>) {
  const res = await stack.as('sales_manager').gql(AMEND_CONTRACT, { input: { contractId, effectiveDate, changes } });
  if (res.data.amendContract.userErrors.length) throw new Error(`amendContract: ${JSON.stringify(res.data.amendContract.userErrors)}`);
  await stack.settle();
  return res.data.amendContract.amendment.id as string;
}

export const billingOps = (stack: TestStack) => stack.as('billing_ops', { sub: 'ops-olga' });
export const finance = (stack: TestStack) => stack.as('finance', { sub: 'finance-fay' });

export async function runBilling(stack: TestStack, asOf: string, correlationId?: string) {
  const res = await stack.as('billing_ops', { sub: 'ops-olga', correlationId }).gql(RUN_BILLING, { asOf });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.runBilling as { invoices: any[]; userErrors: unknown[] };
}

/** One invoice line as [kind, productCode, quantity, amount], for compact expectations. */
export const lineSummary = (invoice: { lines: Array<{ kind: string; productCode: string | null; quantity: string; amount: { amount: string } }> }) =>
  invoice.lines.map((l) => [l.kind, l.productCode, l.quantity, l.amount.amount]);

const BILLING_TABLES = ['invoice', 'invoice_line', 'billed_item', 'payment', 'payment_application', 'usage_record', 'idempotency_key'];

/** Everything a billing mutation could change: its rows, balances, credit, counters and events. */
export async function billingFootprint(stack: TestStack): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const t of BILLING_TABLES) result[t] = (await stack.sql(`SELECT count(*)::int AS n FROM billing.${t}`))[0].n;
  result.invoices = (await stack.sql(`SELECT string_agg(number || ':' || status || ':' || paid_minor, ',' ORDER BY number) AS s FROM billing.invoice`))[0].s;
  result.credit = (await stack.sql(`SELECT string_agg(id || ':' || credit_minor, ',' ORDER BY id) AS s FROM billing.customer_account`))[0].s;
  result.counters = (await stack.sql(`SELECT string_agg(legal_entity_code || year || ':' || last_number, ',') AS s FROM billing.invoice_counter`))[0].s;
  result.events = (await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE producer = 'billing'`))[0].n;
  return result;
}
