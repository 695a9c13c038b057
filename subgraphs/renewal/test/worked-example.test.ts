import { acmeQuoteInput, startTestStack, type TestStack } from '@rg/testkit';

/**
 * Steps 9 and 12 of shared/scenarios/quote-to-cash.md, renewal side, end to end: the contract and
 * billing subgraphs' real mutations produce the events the renewal learns from.
 */
describe('worked example: Acme renewal through the real mutations', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing', 'renewal'] });
  });
  afterAll(() => stack?.stop());

  const ok = <T>(res: { data?: T; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  const noUserErrors = (payload: { userErrors: unknown[] }) => expect(payload.userErrors).toEqual([]);

  const renewalOfContract = async (customerId: string) => {
    const data = ok(
      await stack.as('cs_manager').gql<any>(
        `query($id: ID!) { customer(id: $id) { renewals { renewalDate status riskLevel riskScore riskReasons probability
           currentArr { amount currency } forecastArr { amount } contract { id number } } } }`,
        { id: customerId },
      ),
    );
    expect(data.customer.renewals).toHaveLength(1);
    return data.customer.renewals[0];
  };

  test('renewal 2027-01-01 at 25,200.00; a failed payment raises its risk; 28,200.00 after the seat amendment', async () => {
    const admin = stack.as('admin');
    const rep = stack.as('sales_rep', { sub: 'rep-ann' });
    const manager = stack.as('sales_manager', { sub: 'manager-bob' });

    const customer = ok(
      await rep.gql<any>(`mutation { createCustomer(input: { name: "Acme Analytics", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } userErrors { code } } }`),
    ).createCustomer.customer.id as string;
    await stack.settle();

    const quote = ok(
      await rep.gql<any>(
        `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id requiredApproval } userErrors { code message } } }`,
        {
          input: acmeQuoteInput(customer),
        },
      ),
    ).createQuote.quote;
    expect(quote.requiredApproval).toBe('SALES_MANAGER');
    noUserErrors(ok(await rep.gql<any>(`mutation($id: ID!) { submitQuote(quoteId: $id) { userErrors { code } } }`, { id: quote.id })).submitQuote);
    noUserErrors(ok(await manager.gql<any>(`mutation($id: ID!) { approveQuote(quoteId: $id) { userErrors { code } } }`, { id: quote.id })).approveQuote);
    const accepted = ok(await rep.gql<any>(`mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id endDate } userErrors { code } } }`, { id: quote.id })).acceptQuote;
    noUserErrors(accepted);
    const contractId = accepted.contract.id as string;
    await stack.settle();

    expect(await renewalOfContract(customer)).toMatchObject({
      renewalDate: '2027-01-01',
      status: 'OPEN',
      currentArr: { amount: '25200.00', currency: 'USD' },
      riskLevel: 'LOW',
      riskReasons: [],
      contract: { id: contractId },
    });
    // Contract.renewal joins the contract subgraph's contract with this subgraph's renewal.
    const joined = ok(await stack.as('cs_manager').gql<any>(`query($id: ID!) { contract(id: $id) { number renewal { renewalDate currentArr { amount } } } }`, { id: contractId }));
    expect(joined.contract.renewal).toEqual({ renewalDate: '2027-01-01', currentArr: { amount: '25200.00' } });

    // Steps 3, 5 and 8: invoice 1 paid on 2026-01-20, invoice 2 issued on 2026-02-01.
    const billing = stack.as('billing_ops');
    const run = async (asOf: string) => {
      const res = ok(await billing.gql<any>(`mutation($asOf: Date!) { runBilling(asOf: $asOf) { invoices { id total { amount } } userErrors { code message } } }`, { asOf })).runBilling;
      noUserErrors(res);
      await stack.settle();
      return res.invoices as Array<{ id: string; total: { amount: string } }>;
    };
    const [invoice1] = await run('2026-01-01');
    expect(invoice1.total.amount).toBe('8100.00');
    const pay = (invoiceId: string, amount: string, receivedAt: string, key: string, failure?: string) =>
      billing.gql<any>(
        `mutation($input: RecordPaymentInput!, $key: String!) { recordPayment(input: $input, idempotencyKey: $key) { payment { id status } userErrors { code message } } }`,
        {
          input: { customerId: customer, invoiceId, amount: { amount, currency: 'USD' }, receivedAt, externalId: key, ...(failure ? { status: 'FAILED', failureReason: failure } : {}) },
          key,
        },
      );
    noUserErrors(ok(await pay(invoice1.id, '8100.00', '2026-01-20T12:00:00Z', 'pay-1')).recordPayment);
    // Step 4: January usage, 1,250,000 calls.
    for (const [i, quantity] of [500_000, 500_000, 250_000].entries()) {
      const usage = ok(
        await stack.as('admin').gql<any>(`mutation($input: RecordUsageInput!) { recordUsage(input: $input) { accepted userErrors { code message } } }`, {
          input: { contractId, productCode: 'API_CALLS', quantity, occurredAt: `2026-01-${10 + i}T08:00:00Z`, eventId: `acme-usage-${i}` },
        }),
      ).recordUsage;
      noUserErrors(usage);
    }
    const [invoice2] = await run('2026-02-01');
    expect(invoice2.total.amount).toBe('2600.00');
    await stack.settle();
    expect((await renewalOfContract(customer)).riskLevel).toBe('LOW');

    // Step 9: the payment of invoice 2 fails on 2026-02-10.
    noUserErrors(ok(await pay(invoice2.id, '2600.00', '2026-02-10T12:00:00Z', 'pay-2', 'card_declined')).recordPayment);
    await stack.settle();
    const afterFailure = await renewalOfContract(customer);
    expect(afterFailure).toMatchObject({
      riskLevel: 'MEDIUM',
      probability: '0.60',
      riskReasons: ['Payment failed on 2026-02-10: card_declined'],
      forecastArr: { amount: '15120.00' },
    });

    // Steps 11 and 12: SEAT 10 → 15 from 2026-03-16, billed through April.
    const amended = ok(
      await admin.gql<any>(
        `mutation($input: AmendContractInput!) { amendContract(input: $input, idempotencyKey: "amend-seats") { contract { version } userErrors { code message } } }`,
        { input: { contractId, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] } },
      ),
    ).amendContract;
    noUserErrors(amended);
    expect(amended.contract.version).toBe(2);
    await stack.settle();
    await run('2026-03-16');
    await run('2026-04-01');

    const renewal = await renewalOfContract(customer);
    expect(renewal).toMatchObject({ renewalDate: '2027-01-01', currentArr: { amount: '28200.00', currency: 'USD' } });
    // Invoice 2 is still unpaid a month after its due date, and no API calls were made after January:
    // three reasons, HIGH risk.
    expect(renewal).toMatchObject({
      riskScore: 60,
      riskLevel: 'HIGH',
      probability: '0.30',
      forecastArr: { amount: '8460.00' },
      riskReasons: [
        'Payment failed on 2026-02-10: card_declined',
        expect.stringMatching(/^Invoice \S+ is 29 days overdue: 2,600\.00 USD unpaid since 2026-03-03$/),
        'API calls usage fell 100% in 2026-03: 0 against an average of 625,000 a month over the previous 2 months',
      ],
    });
  });
});
