import { startTestStack, type TestStack } from '@rg/testkit';
import { subscribe, wsClient } from './support';

/** One socket may hold a bounded number of subscriptions; the rest of the socket keeps working. */
describe('subscriptions per connection', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer'], gateway: { subscriptions: { maxSubscriptionsPerConnection: 3 } } });
  });
  afterAll(() => stack?.stop());

  test('the subscription over the limit gets an error; the others stay open', async () => {
    const client = wsClient(stack.gatewayUrl, await stack.as('finance').token());
    try {
      const open = Array.from({ length: 3 }, () => subscribe(client, `subscription { paymentEvents { cursor } }`));
      await new Promise((r) => setTimeout(r, 300));
      const extra = subscribe(client, `subscription { amendmentEvents { cursor } }`);
      await expect(extra.waitFor(1, 5_000)).rejects.toThrow(/already holds 3 subscriptions/);
      // The socket is still there for the three it holds.
      for (const s of open) expect(s.results).toEqual([]);
      open.forEach((s) => s.stop());
    } finally {
      await client.dispose();
    }
  });
});
