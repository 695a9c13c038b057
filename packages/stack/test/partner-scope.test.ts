import { startTestStack, type TestStack } from '@rg/testkit';

/** A partner reaches only the customers it owns, and their contracts, invoices, payments and renewals. */
describe('partner scope across the graph', () => {
  let stack: TestStack;
  let owned: { customer: string; contract: string; invoice: string; payment: string; renewal: string };
  const partnerA = () => stack.as('partner', { partnerId: 'partner-a', sub: 'pa' });
  const partnerB = () => stack.as('partner', { partnerId: 'partner-b', sub: 'pb' });

  beforeAll(async () => {
    stack = await startTestStack();
    const created = await partnerA().gql(
      `mutation { createCustomer(input: { name: "A's client", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } userErrors { code } } }`,
    );
    const customer = created.data.createCustomer.customer.id;
    await stack.settle();
    const quote = await partnerA().gql(
      `mutation($c: ID!) { createQuote(input: { customerId: $c, startDate: "2026-01-01", termMonths: 12, billingFrequency: MONTHLY, lines: [{ productCode: "SEAT", quantity: 4 }] }) { quote { id } userErrors { code } } }`,
      { c: customer },
    );
    const accepted = await partnerA().gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { contract { id } userErrors { code } } }`, {
      q: quote.data.createQuote.quote.id,
    });
    const contract = accepted.data.acceptQuote.contract.id;
    await stack.settle();
    const run = await stack.as('billing_ops').gql(`mutation { runBilling(asOf: "2026-01-01") { invoices { id } } }`);
    const invoice = run.data.runBilling.invoices[0].id;
    const paid = await stack.as('finance').gql(
      `mutation($c: ID!, $i: ID!) { recordPayment(input: { customerId: $c, invoiceId: $i, amount: { amount: "50.00", currency: "USD" }, receivedAt: "2026-01-05T00:00:00Z", externalId: "p-1" }, idempotencyKey: "p-1") { payment { id } userErrors { code } } }`,
      { c: customer, i: invoice },
    );
    await stack.settle();
    const renewal = await stack.as('admin').gql(`query($id: ID!) { contract(id: $id) { renewal { id } } }`, { id: contract });
    owned = { customer, contract, invoice, payment: paid.data.recordPayment.payment.id, renewal: renewal.data.contract.renewal.id };
  }, 120_000);
  afterAll(() => stack?.stop());

  test('the owning partner sees its customer and everything under it', async () => {
    const res = await partnerA().gql(
      `query($c: ID!) { customer(id: $c) { name contracts { id invoices { id payments { id } } renewal { id } } invoices { id } renewals { id } } }`,
      { c: owned.customer },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.customer).toMatchObject({
      name: "A's client",
      contracts: [{ id: owned.contract, invoices: [{ id: owned.invoice, payments: [{ id: owned.payment }] }], renewal: { id: owned.renewal } }],
      invoices: [{ id: owned.invoice }],
      renewals: [{ id: owned.renewal }],
    });
  });

  test('another partner finds nothing by id, by list or by node', async () => {
    const b = partnerB();
    const byId = await b.gql(
      `query($c: ID!, $k: ID!, $i: ID!) { customer(id: $c) { id } contract(id: $k) { id } invoice(id: $i) { id } }`,
      { c: owned.customer, k: owned.contract, i: owned.invoice },
    );
    expect(byId.data).toEqual({ customer: null, contract: null, invoice: null });
    const list = await b.gql(`{ customers { totalCount nodes { id } } }`);
    expect(list.data.customers).toEqual({ totalCount: 0, nodes: [] });
    for (const id of Object.values(owned)) {
      const node = await b.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(node.data?.node ?? null).toBeNull();
    }
  });

  test("another partner cannot act on the customer's records", async () => {
    const b = partnerB();
    const quote = await b.gql(
      `mutation($c: ID!) { createQuote(input: { customerId: $c, startDate: "2026-02-01", termMonths: 12, billingFrequency: MONTHLY, lines: [{ productCode: "SEAT", quantity: 1 }] }) { quote { id } userErrors { code } } }`,
      { c: owned.customer },
    );
    expect(quote.data.createQuote.quote).toBeNull();
    expect(quote.data.createQuote.userErrors[0].code).toMatch(/NOT_FOUND|POLICY_PARTNER/);
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM contract.quote WHERE customer_id = $1`, [owned.customer]);
    expect(n).toBe(1);
  });

  test('fields marked @policy internal are refused to partners, even on their own records', async () => {
    const query = `query($c: ID!, $k: ID!, $i: ID!) {
      customer(id: $c) { name creditHoldReason }
      contract(id: $k) { id revenueSchedule { obligations { description } } }
      invoice(id: $i) { id journalEntries { id } }
    }`;
    const variables = { c: owned.customer, k: owned.contract, i: owned.invoice };
    const asPartner = await partnerA().gql(query, variables);
    expect(asPartner.data.customer).toEqual({ name: "A's client", creditHoldReason: null });
    expect(asPartner.data.contract).toEqual({ id: owned.contract, revenueSchedule: null });
    // journalEntries is a non-null list: its refusal nulls the invoice that holds it.
    expect(asPartner.data.invoice).toBeNull();
    const refused = (asPartner.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));
    expect(refused.sort()).toEqual(['contract.revenueSchedule', 'customer.creditHoldReason', 'invoice.journalEntries']);
    for (const e of asPartner.errors ?? []) expect(Object.keys(e.extensions ?? {})).toEqual(['code']);
    const asFinance = await stack.as('finance').gql(query, variables);
    expect(asFinance.errors).toBeUndefined();
    expect(asFinance.data.contract.revenueSchedule.obligations).toHaveLength(1);
    expect(asFinance.data.invoice.journalEntries.length).toBeGreaterThan(0);
  });
});
