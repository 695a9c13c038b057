import { startTestStack, type TestStack } from '@rg/testkit';

/** Every mutation, allowed or refused, leaves audit records carrying the request's correlation id. */
describe('audit trail and correlation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  const audited = (correlationId: string) =>
    stack.sql<{ service: string; action: string; decision: string; reason: string | null }>(
      `SELECT service, action, decision, reason FROM ops.audit_record WHERE correlation_id = $1 ORDER BY at`,
      [correlationId],
    );

  test('allowed, rejected, policy-denied and forbidden mutations are all audited with their correlation id', async () => {
    const rep = stack.as('sales_rep', { sub: 'rep-audit' });
    const created = await rep.gql(
      `mutation { createCustomer(input: { name: "Audited", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
      {},
      { 'x-correlation-id': 'audit-allowed' },
    );
    const customerId = created.data.createCustomer.customer.id;
    await rep.gql(
      `mutation { createCustomer(input: { name: "Bad", currency: "XXX", taxRegion: "US-CA", legalEntityCode: "US01" }) { userErrors { code } } }`,
      {},
      { 'x-correlation-id': 'audit-rejected' },
    );
    await stack.as('partner', { partnerId: 'p-a' }).gql(
      `mutation { createCustomer(input: { name: "Steal", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01", partnerId: "p-b" }) { userErrors { code } } }`,
      {},
      { 'x-correlation-id': 'audit-policy' },
    );
    const forbidden = await rep.gql(
      `mutation($id: ID!) { setCreditHold(customerId: $id, hold: true, reason: "x") { userErrors { code } } }`,
      { id: customerId },
      { 'x-correlation-id': 'audit-forbidden' },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await audited('audit-allowed')).toContainEqual(expect.objectContaining({ service: 'customer', action: 'createCustomer', decision: 'ALLOWED' }));
    expect(await audited('audit-rejected')).toContainEqual(
      expect.objectContaining({ action: 'createCustomer', decision: 'REJECTED', reason: expect.stringMatching(/^INVALID_CURRENCY/) }),
    );
    expect(await audited('audit-policy')).toContainEqual(
      expect.objectContaining({ action: 'createCustomer:partner_ownership', decision: 'DENIED', reason: expect.stringMatching(/^POLICY_PARTNER_SCOPE/) }),
    );
    expect(await audited('audit-forbidden')).toEqual([
      expect.objectContaining({ service: 'customer', action: 'setCreditHold', decision: 'DENIED', reason: expect.stringMatching(/^FORBIDDEN/) }),
    ]);
  });

  test("the request's correlation id travels into the events it causes and into what consumers do with them", async () => {
    const rep = stack.as('sales_rep');
    const created = await rep.gql(
      `mutation { createCustomer(input: { name: "Traced", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
      {},
      { 'x-correlation-id': 'trace-1' },
    );
    await stack.settle();
    const customerId = created.data.createCustomer.customer.id;
    const quote = await rep.gql(
      `mutation($c: ID!) { createQuote(input: { customerId: $c, startDate: "2026-01-01", termMonths: 12, billingFrequency: MONTHLY, lines: [{ productCode: "SEAT", quantity: 3 }] }) { quote { id } } }`,
      { c: customerId },
      { 'x-correlation-id': 'trace-2' },
    );
    await rep.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { contract { id } } }`, { q: quote.data.createQuote.quote.id }, {
      'x-correlation-id': 'trace-3',
    });
    await stack.settle();
    const events = await stack.sql(`SELECT type, correlation_id FROM events.event_log WHERE correlation_id LIKE 'trace-%' ORDER BY position`);
    expect(events).toEqual([
      { type: 'CustomerCreated', correlation_id: 'trace-1' },
      { type: 'ContractActivated', correlation_id: 'trace-3' },
    ]);
    // The consumers that applied ContractActivated did so under its correlation id.
    const [activated] = await stack.sql(`SELECT id FROM events.event_log WHERE type = 'ContractActivated' AND correlation_id = 'trace-3'`);
    const appliedBy = await stack.sql(`SELECT consumer FROM billing.processed_event WHERE event_id = $1
      UNION ALL SELECT consumer FROM ledger.processed_event WHERE event_id = $1
      UNION ALL SELECT consumer FROM renewal.processed_event WHERE event_id = $1 ORDER BY 1`, [activated.id]);
    expect(appliedBy.map((r) => r.consumer)).toEqual(['billing', 'ledger', 'renewal']);
  });

  test('each service reports its consumer in /ready and /metrics', async () => {
    for (const service of ['billing', 'ledger', 'renewal'] as const) {
      const base = stack.subgraphs[service]!.url.replace(/\/graphql$/, '');
      const ready = await (await fetch(`${base}/ready`)).json();
      expect(ready).toMatchObject({ status: 'ready', service, consumer: { consumer: service, lag: expect.any(Number), deadLetters: 0 } });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`event_consumer_lag\\{consumer="${service}",service="${service}"\\} \\d+`));
      expect(metrics).toContain('events_processed_total');
    }
    const health = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health'))).json();
    expect(health).toEqual({ status: 'ok', service: 'gateway' });
  });
});
