import { startTestStack, type TestStack } from '@rg/testkit';
import { appendEvents, cursorNow, rawSocket, subscribe, wsClient } from './support';

const EVENTS = 3000;
// Big events fill the socket buffers of a client that stops reading after a few hundred.
const correlationOf = (i: number) => `slow-${String(i).padStart(5, '0')}-${'x'.repeat(4000)}`;
const QUERY = `subscription($after: String) { paymentEvents(customerId: "cus_slow", after: $after) { cursor correlationId } }`;

describe('a subscriber that stops reading', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      services: ['customer'],
      gateway: { subscriptions: { maxPendingPerConnection: 200, slowSubscriberMs: 2000 } },
    });
  });
  afterAll(() => stack?.stop());

  const slowClosed = async () => (await stack.gateway.metrics.getSingleMetric('graphql_subscription_slow_closed_total')!.get()).values[0]?.value ?? 0;

  test('is closed with 4429 and resumes with after; a reading subscriber gets everything meanwhile', async () => {
    const token = await stack.as('finance').token();
    const after = await cursorNow(stack);

    const fastClient = wsClient(stack.gatewayUrl, token);
    const fast = subscribe(fastClient, QUERY, { after });

    const slow = rawSocket(stack.gatewayUrl);
    await new Promise((resolve) => slow.socket.once('open', resolve));
    slow.socket.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
    await new Promise((resolve) => slow.socket.once('message', resolve));
    slow.socket.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: QUERY, variables: { after } } }));
    await new Promise((r) => setTimeout(r, 200));
    slow.socket.pause();

    await appendEvents(stack, EVENTS, {
      type: 'PaymentSettled',
      aggregateType: 'Payment',
      payload: (i) => ({ paymentId: `pay_slow_${i}`, customerId: 'cus_slow', invoiceId: null, currency: 'USD', amountMinor: '100' }),
      correlationId: correlationOf,
    });

    const everything = (await fast.waitFor(EVENTS, 60_000)).map((e) => e.paymentEvents.correlationId);
    expect(everything).toEqual(Array.from({ length: EVENTS }, (_, i) => correlationOf(i)));
    const deadline = Date.now() + 10_000;
    while ((await slowClosed()) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await slowClosed()).toBe(1);

    // The slow client reads again: what was already on the wire, then the reason.
    slow.socket.resume();
    expect(await slow.closed).toEqual({ code: 4429, reason: 'Subscriber too slow: resume with after' });
    const before = slow.messages.filter((m) => m.type === 'next').map((m) => m.payload.data.paymentEvents);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(EVENTS);

    const resumedClient = wsClient(stack.gatewayUrl, token);
    const resumed = subscribe(resumedClient, QUERY, { after: before[before.length - 1].cursor });
    const rest = await resumed.waitFor(EVENTS - before.length, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect([...before, ...resumed.events.map((e) => e.paymentEvents)].map((e) => e.correlationId)).toEqual(
      Array.from({ length: EVENTS }, (_, i) => correlationOf(i)),
    );
    expect(rest).toHaveLength(EVENTS - before.length);
    await fastClient.dispose();
    await resumedClient.dispose();
  });
});
