import { startTestStack, type TestStack } from '@rg/testkit';

/** The gateway reuses keep-alive connections to subgraphs instead of opening one per fetch. */
describe('gateway to subgraph connections', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer'] });
  });
  afterAll(() => stack?.stop());

  test('50 sequential queries reuse a handful of connections', async () => {
    const customer = stack.subgraphs.customer!;
    const before = customer.connectionsAccepted();
    for (let i = 0; i < 50; i++) {
      const res = await stack.as('admin').gql('{ customers { totalCount } }');
      expect(res.errors).toBeUndefined();
    }
    expect(customer.connectionsAccepted() - before).toBeLessThanOrEqual(2);
  });
});
