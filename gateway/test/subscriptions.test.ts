import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GATEWAY_ROLE, gatewayPassword, urlForRole } from '@rg/kit';
import { startTestStack, type TestStack } from '@rg/testkit';
import { signDevToken, startGateway, type GatewayHandle } from '../src';
import {
  acmeContract,
  amendSeats,
  createCustomer,
  cursorNow,
  rawSocket,
  recordJanuaryUsage,
  recordPayment,
  runBilling,
  subscribe,
  wsClient,
} from './support';

const AMENDMENTS = `subscription($contractId: ID, $after: String) {
  amendmentEvents(contractId: $contractId, after: $after) {
    cursor type correlationId
    contract {
      number version status
      lines { product { code } quantity netUnitPrice { amount } }
      customer { name balance { amount currency } }
      renewal { renewalDate }
    }
    amendment { kind effectiveDate changes { productCode quantityBefore quantityAfter } }
  }
}`;

const PAYMENTS = `subscription($customerId: ID, $after: String) {
  paymentEvents(customerId: $customerId, after: $after) {
    cursor type
    payment { status failureReason amount { amount currency } }
    customer { name }
    invoice { number amountDue { amount } contract { number } }
  }
}`;

describe('subscriptions through the gateway', () => {
  let stack: TestStack;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];
  const token = (role: Parameters<TestStack['as']>[0], partnerId?: string) => stack.as(role, { partnerId }).token();

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
  });

  const client = async (role: Parameters<TestStack['as']>[0], partnerId?: string, url = stack.gatewayUrl) => {
    const c = wsClient(url, await token(role, partnerId));
    clients.push(c);
    return c;
  };

  test('HTTP introspection shows the Subscription type, and the served schema conforms to the whole contract', async () => {
    const res = await stack.as('admin').gql(`{ __schema { subscriptionType { name fields { name args { name } } } } }`);
    expect(res.data.__schema.subscriptionType).toEqual({
      name: 'Subscription',
      fields: [
        { name: 'amendmentEvents', args: [{ name: 'customerId' }, { name: 'contractId' }, { name: 'after' }] },
        { name: 'paymentEvents', args: [{ name: 'customerId' }, { name: 'after' }] },
      ],
    });
    const check = join(__dirname, '..', '..', '..', 'shared', 'tools', 'contract-check.mjs');
    const { stdout } = await promisify(execFile)('node', [check, stack.gatewayUrl, await token('admin')], { cwd: join(__dirname, '..', '..') });
    expect(stdout.trim().split('\n').pop()).toBe('contract: conforms');

    const overHttp = await stack.as('admin').gql(`subscription { paymentEvents { cursor } }`);
    expect(overHttp.errors?.[0].message).toMatch(/WebSocket/);
  });

  test('the worked example: the seat amendment and the failed payment reach subscribers with fields from four subgraphs', async () => {
    const acme = await createCustomer(stack, 'Acme Analytics');
    const contract = await acmeContract(stack, acme);
    const [invoice1] = await runBilling(stack, '2026-01-01');
    await recordJanuaryUsage(stack, contract.id);
    await recordPayment(stack, { customerId: acme, invoiceId: invoice1.id, amount: '8100.00', externalId: 'acme-pay-1', receivedAt: '2026-01-20T10:00:00Z' });
    const [invoice2] = await runBilling(stack, '2026-02-01');
    expect(invoice2.total.amount).toBe('2600.00');

    const after = await cursorNow(stack);
    const finance = await client('finance');
    const amendments = subscribe(finance, AMENDMENTS, { contractId: contract.id, after });
    const payments = subscribe(finance, PAYMENTS, { customerId: acme, after });

    // Step 9: the card is declined.
    await recordPayment(stack, {
      customerId: acme,
      invoiceId: invoice2.id,
      amount: '2600.00',
      status: 'FAILED',
      failureReason: 'card_declined',
      externalId: 'acme-pay-2',
    });
    const [failed] = await payments.waitFor(1);
    expect(payments.results[0].errors).toBeUndefined();
    expect(failed.paymentEvents).toEqual({
      cursor: expect.any(String),
      type: 'FAILED',
      payment: { status: 'FAILED', failureReason: 'card_declined', amount: { amount: '2600.00', currency: 'USD' } },
      customer: { name: 'Acme Analytics' },
      invoice: { number: invoice2.number, amountDue: { amount: '2600.00' }, contract: { number: contract.number } },
    });

    // Step 11: SEAT 10 -> 15 from 2026-03-16.
    await amendSeats(stack, contract.id);
    const [amended] = await amendments.waitFor(1);
    expect(amendments.results[0].errors).toBeUndefined();
    const event = amended.amendmentEvents;
    expect(event).toMatchObject({
      type: 'QUANTITY_CHANGE',
      contract: {
        number: contract.number,
        version: 2,
        status: 'ACTIVE',
        customer: { name: 'Acme Analytics', balance: { amount: '2600.00', currency: 'USD' } },
        renewal: { renewalDate: '2027-01-01' },
      },
      amendment: { kind: 'QUANTITY_CHANGE', effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }] },
    });
    expect(event.contract.lines).toContainEqual({ product: { code: 'SEAT' }, quantity: 15, netUnitPrice: { amount: '50.00' } });
    // The correlation id is the amending request's, as recorded on the log.
    const [logged] = await stack.sql(`SELECT correlation_id FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1`, [contract.id]);
    expect(event.correlationId).toBe(logged.correlation_id);
    amendments.stop();
    payments.stop();
  });

  test('a subscriber disconnected during 100 events resumes with after and gets each exactly once, in order', async () => {
    const customer = await createCustomer(stack, 'Resume Ltd');
    const query = `subscription($customerId: ID, $after: String) { paymentEvents(customerId: $customerId, after: $after) { cursor type payment { externalId } } }`;
    const first = await client('finance');
    const before = subscribe(first, query, { customerId: customer, after: await cursorNow(stack) });

    let recorded = 0;
    let dropped: () => void = () => {};
    const disconnected = new Promise<void>((resolve) => (dropped = resolve));
    const producing = (async () => {
      for (let i = 0; i < 100; i++) {
        if (i === 50) await disconnected; // the drop happens mid-stream, whatever the machine's speed
        await recordPayment(stack, { customerId: customer, amount: '1.00', externalId: `resume-${String(i).padStart(3, '0')}` });
        recorded = i + 1;
      }
    })();
    await before.waitFor(20);
    await first.dispose(); // the connection drops while payments keep coming
    const received = before.events.map((e) => e.paymentEvents);
    const disconnectedAt = recorded;
    dropped();

    // Resumes from the last cursor it saw while payments are still being recorded: replay, then live.
    const second = await client('finance');
    const resumed = subscribe(second, query, { customerId: customer, after: received[received.length - 1].cursor });
    await producing;
    await resumed.waitFor(100 - received.length);
    await new Promise((r) => setTimeout(r, 300)); // anything extra would show up now
    const all = [...received, ...resumed.events.map((e) => e.paymentEvents)];
    expect(disconnectedAt).toBeLessThan(100);
    expect(all.map((e) => e.payment.externalId)).toEqual(Array.from({ length: 100 }, (_, i) => `resume-${String(i).padStart(3, '0')}`));
    expect(new Set(all.map((e) => e.cursor)).size).toBe(100);
    resumed.stop();
  });

  test('a mutation through gateway A reaches a subscriber on gateway B', async () => {
    const b: GatewayHandle = await startGateway({
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([s, h]) => [s, h!.url])),
      databaseUrl: urlForRole(stack.database.adminUrl, GATEWAY_ROLE, gatewayPassword()),
    });
    try {
      const customer = await createCustomer(stack, 'Replica Co');
      const onB = wsClient(b.url, await token('finance'));
      const sub = subscribe(onB, PAYMENTS, { customerId: customer, after: await cursorNow(stack) });
      await recordPayment(stack, { customerId: customer, amount: '12.34', externalId: 'replica-1' }); // through gateway A
      await recordPayment(stack, { customerId: customer, amount: '56.78', externalId: 'replica-2' });
      const [first, second] = await sub.waitFor(2);
      expect(first.paymentEvents).toMatchObject({ type: 'SETTLED', payment: { amount: { amount: '12.34' } }, customer: { name: 'Replica Co' }, invoice: null });
      expect(second.paymentEvents.payment.amount.amount).toBe('56.78');
      const metrics = await b.metrics.getSingleMetricAsString('graphql_subscription_events_delivered_total');
      expect(metrics).toMatch(/graphql_subscription_events_delivered_total\{field="paymentEvents",service="gateway"\} 2/);
      await onB.dispose();

      // A cursor from one replica resumes on another.
      const backOnA = subscribe(await client('finance'), PAYMENTS, { customerId: customer, after: first.paymentEvents.cursor });
      expect((await backOnA.waitFor(1))[0].paymentEvents).toEqual(second.paymentEvents);
      await new Promise((r) => setTimeout(r, 300));
      expect(backOnA.results).toHaveLength(1);
    } finally {
      await b.stop();
    }
  });

  test("a partner never receives another partner's events, whatever it subscribes to", async () => {
    const ofA = await createCustomer(stack, 'Partner A Client', 'partner-a');
    const ofB = await createCustomer(stack, 'Partner B Client', 'partner-b');
    const after = await cursorNow(stack);
    const partnerA = await client('partner', 'partner-a');
    const everything = subscribe(partnerA, PAYMENTS, { after });
    const othersCustomer = subscribe(partnerA, PAYMENTS, { customerId: ofB, after });

    await recordPayment(stack, { customerId: ofB, amount: '99.00', externalId: 'partner-b-1' });
    await recordPayment(stack, { customerId: ofA, amount: '11.00', externalId: 'partner-a-1' });
    await recordPayment(stack, { customerId: ofB, amount: '98.00', externalId: 'partner-b-2' });
    await recordPayment(stack, { customerId: ofA, amount: '12.00', externalId: 'partner-a-2' });

    const events = await everything.waitFor(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(everything.events.map((e) => [e.paymentEvents.customer.name, e.paymentEvents.payment.amount.amount])).toEqual([
      ['Partner A Client', '11.00'],
      ['Partner A Client', '12.00'],
    ]);
    expect(events).toHaveLength(2);
    expect(othersCustomer.results).toEqual([]);
  });

  test('identical subscriptions are resolved once per event, not once per subscriber', async () => {
    const customer = await createCustomer(stack, 'Group Inc');
    const after = await cursorNow(stack);
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(subscribe(await client('finance'), PAYMENTS, { customerId: customer, after }));
    const other = subscribe(await client('partner', 'partner-z'), PAYMENTS, { after }); // another access scope: nothing to see
    const resolutions = async () =>
      (await stack.gateway.metrics.getSingleMetric('graphql_subscription_resolutions_total')!.get()).values.find((v) => v.labels.field === 'paymentEvents')?.value ?? 0;
    const before = await resolutions();
    await recordPayment(stack, { customerId: customer, amount: '5.00', externalId: 'group-1' });
    await recordPayment(stack, { customerId: customer, amount: '6.00', externalId: 'group-2' });
    for (const s of subs) expect((await s.waitFor(2)).map((e) => e.paymentEvents.payment.amount.amount)).toEqual(['5.00', '6.00']);
    expect((await resolutions()) - before).toBe(2);
    expect(other.results).toEqual([]);
  });

  test('a bad token is closed with 4403, and an expired token ends the socket', async () => {
    const bad = rawSocket(stack.gatewayUrl);
    bad.socket.on('open', () => bad.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-jwt' } })));
    expect(await bad.closed).toEqual({ code: 4403, reason: 'Forbidden' });

    const none = rawSocket(stack.gatewayUrl);
    none.socket.on('open', () => none.socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    expect((await none.closed).code).toBe(4403);

    const shortLived = await signDevToken({ sub: 'brief', roles: ['finance'] }, { expiresIn: '2s' });
    const expiring = rawSocket(stack.gatewayUrl);
    expiring.socket.on('open', () => expiring.socket.send(JSON.stringify({ type: 'connection_init', payload: { token: shortLived } })));
    const started = Date.now();
    expect(await expiring.closed).toEqual({ code: 4403, reason: 'Forbidden: token expired' });
    expect(expiring.messages[0]).toEqual({ type: 'connection_ack' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  test('an invalid cursor is a clear error', async () => {
    const sub = subscribe(await client('finance'), PAYMENTS, { after: 'bm90LWEtY3Vyc29y' });
    await sub.waitFor(1);
    expect(sub.results[0].errors?.[0]).toMatchObject({ message: expect.stringMatching(/Invalid cursor/), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
