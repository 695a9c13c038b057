import { startTestStack, type TestStack } from '@rg/testkit';

/**
 * The foundation end to end: one query through the gateway reads from all five subgraphs, and
 * the number of SQL statements behind it does not grow with the number of customers listed.
 */
const CUSTOMER_FIELDS = `
  id name legalEntity { code }
  contracts {
    number startDate endDate version
    lines { product { code } quantity netUnitPrice { amount currency } }
    revenueSchedule { obligations { description allocatedPrice { amount } recognizedToDate { amount } deferred { amount } pattern } }
    renewal { renewalDate currentArr { amount currency } riskLevel }
    invoices { number total { amount } }
  }
  invoices { number status total { amount currency } amountDue { amount } journalEntries { entryDate lines { account { code } debit { amount } credit { amount } } } }
  balance { amount currency }
  renewals { renewalDate currentArr { amount } }
`;

async function createCustomerWithContract(stack: TestStack, name: string) {
  const rep = stack.as('sales_rep');
  const created = await rep.gql(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }`,
    { input: { name, currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' } },
  );
  return created.data.createCustomer.customer.id as string;
}

async function contractFor(stack: TestStack, customerId: string) {
  const rep = stack.as('sales_rep');
  const quote = await rep.gql(
    `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } userErrors { code message } } }`,
    {
      input: {
        customerId,
        startDate: '2026-01-01',
        termMonths: 12,
        billingFrequency: 'MONTHLY',
        lines: [
          { productCode: 'PLATFORM', quantity: 1 },
          { productCode: 'SEAT', quantity: 10 },
        ],
      },
    },
  );
  if (!quote.data.createQuote.quote) throw new Error(JSON.stringify(quote.data.createQuote.userErrors));
  const accepted = await rep.gql(`mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id } userErrors { code } } }`, {
    id: quote.data.createQuote.quote.id,
  });
  return accepted.data.acceptQuote.contract.id as string;
}

describe('one graph over five subgraphs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Listing 100 customers with everything nested is a deliberate, expensive query.
    stack = await startTestStack({
      gateway: { limits: { GRAPHQL_MAX_DEPTH: 12, GRAPHQL_MAX_ALIASES: 15, GRAPHQL_MAX_TOKENS: 2000, GRAPHQL_MAX_COST: 10_000_000, GRAPHQL_MAX_DIRECTIVES: 50, GRAPHQL_MAX_BODY: '100kb' } },
    });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push(await createCustomerWithContract(stack, `Customer ${String(i).padStart(3, '0')}`));
    await stack.settle();
    for (const id of ids) await contractFor(stack, id);
    await stack.settle();
    const run = await stack.as('billing_ops').gql(`mutation { runBilling(asOf: "2026-01-01") { invoices { id } userErrors { code message } } }`);
    expect(run.data.runBilling.invoices).toHaveLength(100);
    await stack.settle();
  }, 300_000);
  afterAll(() => stack?.stop());

  test('a customer with its contracts, invoices, balance and renewals, and each contract with its revenue schedule', async () => {
    const res = await stack.as('finance').gql(`{ customers(first: 1) { nodes { ${CUSTOMER_FIELDS} } } }`);
    expect(res.errors).toBeUndefined();
    const [customer] = res.data.customers.nodes;
    expect(customer.name).toBe('Customer 000'); // customer
    expect(customer.legalEntity).toEqual({ code: 'US01' });
    const [contract] = customer.contracts; // contract
    expect(contract).toMatchObject({ startDate: '2026-01-01', endDate: '2026-12-31', version: 1 });
    expect(contract.lines.map((l: { product: { code: string } }) => l.product.code).sort()).toEqual(['PLATFORM', 'SEAT']);
    // billing: the first month, PLATFORM 2,000.00 + 10 seats × 50.00
    expect(customer.invoices).toEqual([
      expect.objectContaining({ status: 'POSTED', total: { amount: '2500.00', currency: 'USD' }, amountDue: { amount: '2500.00' } }),
    ]);
    expect(contract.invoices).toEqual([{ number: customer.invoices[0].number, total: { amount: '2500.00' } }]);
    expect(customer.balance).toEqual({ amount: '2500.00', currency: 'USD' });
    // ledger: AR debited with the invoice, allocation of the 30,000.00 fixed price
    expect(customer.invoices[0].journalEntries[0].lines).toContainEqual({ account: { code: '1100' }, debit: { amount: '2500.00' }, credit: { amount: '0.00' } });
    const allocated = contract.revenueSchedule.obligations.map((o: { allocatedPrice: { amount: string } }) => o.allocatedPrice.amount).sort();
    expect(allocated).toEqual(['24000.00', '6000.00']);
    // renewal: the next day after the end, at 2,500.00 × 12
    expect(contract.renewal).toMatchObject({ renewalDate: '2027-01-01', currentArr: { amount: '30000.00', currency: 'USD' } });
    expect(customer.renewals).toEqual([{ renewalDate: '2027-01-01', currentArr: { amount: '30000.00' } }]);
  });

  test('the SQL statements behind a list do not grow with its length (5 vs 100 customers)', async () => {
    // Consumers poll the log on the same connections; stop them so only the query is counted.
    for (const h of Object.values(stack.subgraphs)) await h?.consumer?.stop();
    const statementsFor = async (first: number) => {
      const before = Object.fromEntries(Object.entries(stack.subgraphs).map(([s, h]) => [s, h!.statements.count]));
      const res = await stack.as('finance').gql(`query($first: Int) { customers(first: $first) { nodes { ${CUSTOMER_FIELDS} } } }`, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.customers.nodes).toHaveLength(first);
      return Object.fromEntries(Object.entries(stack.subgraphs).map(([s, h]) => [s, h!.statements.count - before[s]]));
    };
    const five = await statementsFor(5);
    const hundred = await statementsFor(100);
    console.log(`SQL statements per subgraph for 5 customers: ${JSON.stringify(five)}; for 100: ${JSON.stringify(hundred)}`);
    expect(hundred).toEqual(five);
  });
});
