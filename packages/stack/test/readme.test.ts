import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '@rg/testkit';
import { seedDemoData } from '../src/demo';
import { EXAMPLE_QUERY } from '../src/example-query';
import { REPO_ROOT } from '../src/paths';

/** The README's example query works as printed, under the default operation limits, on the demo data. */
describe('README example', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    expect(await seedDemoData(stack.gatewayUrl, () => {})).toBe(true);
    await stack.settle();
  }, 120_000);
  afterAll(() => stack?.stop());

  test('the five-subgraph query of "One query, five subgraphs" answers without errors', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### One query, five subgraphs'));
    const query = /```graphql\n([\s\S]*?)```/.exec(section)![1];
    const res = await stack.as('finance').gql(query);
    expect(res.errors).toBeUndefined();
    const acme = res.data.customers.nodes.find((c: { name: string }) => c.name === 'Acme Analytics');
    expect(acme.contracts[0].revenueSchedule.obligations).toHaveLength(3);
    expect(acme.contracts[0].renewal.currentArr.amount).toBe('25200.00');
    expect(acme.invoices[0].total).toEqual({ amount: '8100.00', currency: 'USD' });
    expect(acme.balance).toEqual({ amount: '8100.00', currency: 'USD' });
  });

  test('the query `npm start` prints answers without errors', async () => {
    const res = await stack.as('finance').gql(EXAMPLE_QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.customers.nodes.length).toBeGreaterThan(0);
  });

  test('a second seeding of the same database creates nothing', async () => {
    expect(await seedDemoData(stack.gatewayUrl, () => {})).toBe(false);
  });
});
