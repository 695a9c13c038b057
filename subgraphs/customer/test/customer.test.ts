import { startTestStack, type TestStack } from '@rg/testkit';

const CREATE = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id name currency taxRegion creditHold partnerId legalEntity { code name currency } parent { id } }
    userErrors { code message field }
  }
}`;

describe('customer subgraph through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer'] });
  });
  afterAll(() => stack?.stop());

  const acme = { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' };

  test('a sales rep creates a customer and reads it back', async () => {
    const rep = stack.as('sales_rep');
    const created = await rep.gql(CREATE, { input: acme });
    expect(created.errors).toBeUndefined();
    const { customer, userErrors } = created.data.createCustomer;
    expect(userErrors).toEqual([]);
    expect(customer).toMatchObject({
      name: 'Acme Analytics',
      currency: 'USD',
      taxRegion: 'US-CA',
      creditHold: false,
      legalEntity: { code: 'US01', currency: 'USD' },
    });
    expect(customer.id).toMatch(/^cus_/);

    const read = await stack.as('auditor').gql(`query($id: ID!) { customer(id: $id) { id name } node(id: $id) { id ... on Customer { name } } }`, { id: customer.id });
    expect(read.data).toEqual({ customer: { id: customer.id, name: 'Acme Analytics' }, node: { id: customer.id, name: 'Acme Analytics' } });

    const events = await stack.sql(`SELECT type, payload FROM events.event_log WHERE aggregate_id = $1`, [customer.id]);
    expect(events).toEqual([{ type: 'CustomerCreated', payload: expect.objectContaining({ customerId: customer.id, taxRegion: 'US-CA' }) }]);
  });

  test.each([
    [{ currency: 'XYZ' }, 'INVALID_CURRENCY', ['input', 'currency']],
    [{ taxRegion: 'MARS' }, 'UNKNOWN_TAX_REGION', ['input', 'taxRegion']],
    [{ legalEntityCode: 'ZZ01' }, 'UNKNOWN_LEGAL_ENTITY', ['input', 'legalEntityCode']],
    [{ name: '   ' }, 'NAME_REQUIRED', ['input', 'name']],
    [{ parentId: 'cus_missing' }, 'PARENT_NOT_FOUND', ['input', 'parentId']],
  ])('bad input %o is a userError %s and changes nothing', async (override, code, field) => {
    const [{ n: customersBefore }] = await stack.sql(`SELECT count(*)::int AS n FROM customer.customer`);
    const [{ n: eventsBefore }] = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log`);
    const res = await stack.as('sales_rep').gql(CREATE, { input: { ...acme, ...override } });
    expect(res.data.createCustomer).toEqual({ customer: null, userErrors: [{ code, message: expect.any(String), field }] });
    const [{ n: customersAfter }] = await stack.sql(`SELECT count(*)::int AS n FROM customer.customer`);
    const [{ n: eventsAfter }] = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log`);
    expect([customersAfter, eventsAfter]).toEqual([customersBefore, eventsBefore]);
  });

  test('customers are paginated with a cursor and a total count', async () => {
    const admin = stack.as('admin');
    for (let i = 0; i < 3; i++) await admin.gql(CREATE, { input: { ...acme, name: `Paged ${i}` } });
    const first = await admin.gql(`{ customers(first: 2) { nodes { name } totalCount pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data.customers;
    expect(page1.nodes).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = await admin.gql(`query($after: String) { customers(first: 100, after: $after) { nodes { name } totalCount pageInfo { hasNextPage } } }`, { after: page1.pageInfo.endCursor });
    expect(rest.data.customers.totalCount).toBe(page1.totalCount);
    expect(page1.nodes.length + rest.data.customers.nodes.length).toBe(page1.totalCount);
    expect(rest.data.customers.pageInfo.hasNextPage).toBe(false);
  });

  test('credit hold needs finance and a reason, and is audited', async () => {
    const created = await stack.as('sales_rep').gql(CREATE, { input: { ...acme, name: 'Holdco' } });
    const id = created.data.createCustomer.customer.id;
    const SET = `mutation($id: ID!, $hold: Boolean!, $reason: String!) { setCreditHold(customerId: $id, hold: $hold, reason: $reason) { customer { creditHold creditHoldReason } userErrors { code field } } }`;
    const denied = await stack.as('sales_rep').gql(SET, { id, hold: true, reason: 'late' });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await stack.as('finance').gql(SET, { id, hold: true, reason: ' ' });
    expect(noReason.data.setCreditHold.userErrors).toEqual([{ code: 'REASON_REQUIRED', field: ['reason'] }]);
    const held = await stack.as('finance').gql(SET, { id, hold: true, reason: '90 days overdue' }, { 'x-correlation-id': 'corr-hold-1' });
    expect(held.data.setCreditHold).toEqual({ customer: { creditHold: true, creditHoldReason: '90 days overdue' }, userErrors: [] });
    const audit = await stack.sql(`SELECT action, decision, correlation_id FROM ops.audit_record WHERE entity_id = $1 AND action = 'setCreditHold'`, [id]);
    expect(audit).toContainEqual({ action: 'setCreditHold', decision: 'ALLOWED', correlation_id: 'corr-hold-1' });
  });

  test('a partner sees only the customers it owns', async () => {
    const partnerA = stack.as('partner', { partnerId: 'partner-a' });
    const partnerB = stack.as('partner', { partnerId: 'partner-b' });
    const a = await partnerA.gql(CREATE, { input: { ...acme, name: 'Owned by A' } });
    const aId = a.data.createCustomer.customer.id;
    expect(a.data.createCustomer.customer.partnerId).toBe('partner-a');
    const stolen = await partnerB.gql(CREATE, { input: { ...acme, name: 'Steal', partnerId: 'partner-a' } });
    expect(stolen.data.createCustomer.userErrors[0].code).toBe('POLICY_PARTNER_SCOPE');
    const byId = await partnerB.gql(`query($id: ID!) { customer(id: $id) { id } node(id: $id) { id } }`, { id: aId });
    expect(byId.data).toEqual({ customer: null, node: null });
    const list = await partnerB.gql(`{ customers { totalCount nodes { id } } }`);
    expect(list.data.customers).toEqual({ totalCount: 0, nodes: [] });
  });
});
