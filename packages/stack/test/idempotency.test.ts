import { startTestStack, type TestStack } from '@rg/testkit';

/** Idempotency keys behave as Stripe's: one effect per key and input, per actor. */
describe('idempotency keys', () => {
  let stack: TestStack;
  let contractId: string;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
    const rep = stack.as('sales_rep', { sub: 'rep-idem' });
    const created = await rep.gql(
      `mutation { createCustomer(input: { name: "Idem Co", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
    );
    await stack.settle();
    const quote = await rep.gql(
      `mutation($c: ID!) { createQuote(input: { customerId: $c, startDate: "2026-01-01", termMonths: 12, billingFrequency: MONTHLY,
         lines: [{ productCode: "SEAT", quantity: 10 }] }) { quote { id } userErrors { code } } }`,
      { c: created.data.createCustomer.customer.id },
    );
    const accepted = await rep.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { contract { id } userErrors { code } } }`, {
      q: quote.data.createQuote.quote.id,
    });
    contractId = accepted.data.acceptQuote.contract.id;
  });
  afterAll(() => stack?.stop());

  const AMEND = `mutation($input: AmendContractInput!, $key: String) {
    amendContract(input: $input, idempotencyKey: $key) {
      contract { id version lines { product { code } quantity } }
      amendment { id version changes { productCode quantityBefore quantityAfter } }
      userErrors { code message field }
    }
  }`;

  test('50 concurrent calls with one key produce one effect and 50 identical answers', async () => {
    const rep = stack.as('sales_rep', { sub: 'rep-idem' });
    const input = { contractId, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] };
    const answers = await Promise.all(Array.from({ length: 50 }, () => rep.gql(AMEND, { input, key: 'amend-seat-15' })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const bodies = answers.map((a) => JSON.stringify(a.data));
    expect(new Set(bodies).size).toBe(1);
    expect(answers[0].data.amendContract).toMatchObject({
      contract: { version: 2 },
      amendment: { version: 2, changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }] },
      userErrors: [],
    });
    const amendments = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1`, [contractId]);
    expect(amendments[0].n).toBe(1);
  });

  test('the same key with a different input is IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const rep = stack.as('sales_rep', { sub: 'rep-idem' });
    const input = { contractId, effectiveDate: '2026-04-01', changes: [{ productCode: 'SEAT', quantity: 20 }] };
    const res = await rep.gql(AMEND, { input, key: 'amend-seat-15' });
    expect(res.data.amendContract).toEqual({
      contract: null,
      amendment: null,
      userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), field: ['idempotencyKey'] }],
    });
    const events = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1`, [contractId]);
    expect(events[0].n).toBe(1);
  });

  test('keys are scoped per actor', async () => {
    const other = stack.as('sales_rep', { sub: 'rep-other' });
    const input = { contractId, effectiveDate: '2026-04-01', changes: [{ productCode: 'SEAT', quantity: 20 }] };
    const res = await other.gql(AMEND, { input, key: 'amend-seat-15' });
    expect(res.data.amendContract.userErrors).toEqual([]);
    expect(res.data.amendContract.contract.version).toBe(3);
  });
});
