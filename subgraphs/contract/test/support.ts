import { ACME, acmeQuoteInput as acmeQuote, type TestStack } from '@rg/testkit';

export const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id } userErrors { code field } }
}`;

const QUOTE_FIELDS = `id status currency startDate termMonths billingFrequency requiredApproval submittedBy approvedBy
  customer { id } contract { id number }
  lines { product { code chargeModel listPrice { amount currency } } quantity discountPercent netUnitPrice { amount currency } }`;

export const CREATE_QUOTE = `mutation($input: CreateQuoteInput!) {
  createQuote(input: $input) { quote { ${QUOTE_FIELDS} } userErrors { code message field } }
}`;
export const SUBMIT_QUOTE = `mutation($id: ID!) { submitQuote(quoteId: $id) { quote { id status submittedBy } userErrors { code message field } } }`;
export const APPROVE_QUOTE = `mutation($id: ID!, $comment: String) {
  approveQuote(quoteId: $id, comment: $comment) { quote { id status approvedBy } userErrors { code message field } }
}`;
export const REJECT_QUOTE = `mutation($id: ID!, $reason: String!) {
  rejectQuote(quoteId: $id, reason: $reason) { quote { id status decisionComment } userErrors { code message field } }
}`;

const CONTRACT_FIELDS = `id number status startDate endDate billingFrequency version currency termMonths cancelledFrom
  onboardingCompletedOn customer { id }
  lines { product { code } quantity discountPercent netUnitPrice { amount currency } }
  amendments { id kind effectiveDate version changes { productCode quantityBefore quantityAfter } }`;
const AMENDMENT_FIELDS = `id kind effectiveDate version reason changes { productCode quantityBefore quantityAfter }`;

export const ACCEPT_QUOTE = `mutation($id: ID!) {
  acceptQuote(quoteId: $id) { contract { ${CONTRACT_FIELDS} } amendment { id } userErrors { code message field } }
}`;
export const AMEND_CONTRACT = `mutation($input: AmendContractInput!, $key: String) {
  amendContract(input: $input, idempotencyKey: $key) {
    contract { ${CONTRACT_FIELDS} } amendment { ${AMENDMENT_FIELDS} } userErrors { code message field }
  }
}`;
export const CANCEL_CONTRACT = `mutation($id: ID!, $date: Date!, $reason: String!) {
  cancelContract(contractId: $id, effectiveDate: $date, reason: $reason) {
    contract { ${CONTRACT_FIELDS} } amendment { ${AMENDMENT_FIELDS} } userErrors { code message field }
  }
}`;
export const COMPLETE_ONBOARDING = `mutation($id: ID!, $on: Date!) {
  completeOnboarding(contractId: $id, completedOn: $on) { contract { id onboardingCompletedOn } userErrors { code message field } }
}`;
export const CONTRACT_AT = `query($id: ID!, $version: Int) { contract(id: $id, version: $version) { ${CONTRACT_FIELDS} } }`;

export { ACME, acmeQuote };

/** Creates a customer through the customer subgraph and waits until this subgraph has learnt it. */
export async function newCustomer(stack: TestStack, overrides: Record<string, unknown> = {}, role: 'admin' | 'partner' = 'admin', partnerId?: string) {
  const res = await stack.as(role, { partnerId }).gql(CREATE_CUSTOMER, { input: { ...ACME, ...overrides } });
  const { customer, userErrors } = res.data.createCustomer;
  if (userErrors.length) throw new Error(`createCustomer failed: ${JSON.stringify(userErrors)}`);
  await stack.settle();
  return customer.id as string;
}

/** A contract from a quote that needs no approval (no discounts), accepted at once. */
export async function newContract(stack: TestStack, customerId: string, quote: Record<string, unknown> = {}) {
  const rep = stack.as('sales_rep');
  const base = { ...acmeQuote(customerId), ...quote };
  const input = { ...base, lines: (base.lines as Array<Record<string, unknown>>).map((l) => ({ ...l, discountPercent: '0' })) };
  const created = await rep.gql(CREATE_QUOTE, { input });
  const quoteId = created.data.createQuote.quote.id;
  const accepted = await rep.gql(ACCEPT_QUOTE, { id: quoteId });
  if (accepted.data.acceptQuote.userErrors.length) throw new Error(JSON.stringify(accepted.data.acceptQuote.userErrors));
  return accepted.data.acceptQuote.contract as { id: string; number: string; version: number };
}

const COUNTED = ['contract.quote', 'contract.quote_line', 'contract.contract', 'contract.contract_version', 'contract.contract_line', 'contract.amendment', 'events.event_log'];

/** Row counts of everything a contract-side mutation could write, and every quote and contract state. */
export async function footprint(stack: TestStack): Promise<Record<string, number | string | null>> {
  const result: Record<string, number | string | null> = {};
  for (const table of COUNTED) {
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = n;
  }
  const [quotes] = await stack.sql(`SELECT string_agg(id || ':' || status, ',' ORDER BY id) AS s FROM contract.quote`);
  const [contracts] = await stack.sql(
    `SELECT string_agg(id || ':' || version || ':' || status || ':' || coalesce(onboarding_completed_on::text, '-'), ',' ORDER BY id) AS s
       FROM contract.contract`,
  );
  result.quoteStates = quotes.s;
  result.contractStates = contracts.s;
  return result;
}
