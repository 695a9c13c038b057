import { startTestStack, type TestStack } from '@rg/testkit';
import { acmeLines, activate, contractTerms, failPayment } from './support';

const FAN_IN = `{ customers(first: 50) { nodes { id renewals { id riskLevel riskReasons(asOf: "2026-03-01") riskHistory { score } } } } }`;

/** The renewal fields other entities fan into cost the same statements for 2 customers as for 8. */
describe('renewal fields are batched', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The consumer runs only when settle() asks, so statement counts are the queries' own.
    stack = await startTestStack({ services: ['customer', 'renewal'], consumer: { pollMs: 600_000 } });
  });
  afterAll(() => stack?.stop());

  async function addCustomers(n: number) {
    for (let i = 0; i < n; i++) {
      const res = await stack.as('admin').gql(
        `mutation($name: String!) { createCustomer(input: { name: $name, currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
        { name: `Batch ${i}` },
      );
      const terms = contractTerms(res.data.createCustomer.customer.id, acmeLines(i + 1));
      await activate(stack, terms);
      await failPayment(stack, terms, 'inv_none', '2026-02-10', '1000');
    }
    await stack.settle();
  }

  async function statementsOf(query: string) {
    const renewal = stack.subgraphs.renewal!;
    const before = renewal.statements.count;
    const res = await stack.as('cs_manager').gql(query);
    expect(res.errors).toBeUndefined();
    return { count: renewal.statements.count - before, data: res.data };
  }

  test('Customer.renewals with risk as of a date and history: one statement per entity type, whatever the list size', async () => {
    await addCustomers(2);
    const small = await statementsOf(FAN_IN);
    await addCustomers(6);
    const large = await statementsOf(FAN_IN);
    expect(large.data.customers.nodes).toHaveLength(8);
    for (const c of large.data.customers.nodes) {
      expect(c.renewals).toEqual([{ id: expect.any(String), riskLevel: 'MEDIUM', riskReasons: ['Payment failed on 2026-02-10: card_declined'], riskHistory: [{ score: 0 }, { score: 25 }] }]);
    }
    expect(large.count).toBe(small.count);
    // renewals by customer, risk history, and the six kinds of signal facts
    expect(large.count).toBe(8);
  });
});
