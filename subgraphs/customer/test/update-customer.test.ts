import { startTestStack, type TestStack } from '@rg/testkit';

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(customerId: $id, input: $input) { customer { id name taxRegion parent { id } children { id } } userErrors { code message field } }
}`;

describe('updateCustomer: renames, tax regions and the account hierarchy', () => {
  let stack: TestStack;
  const base = { currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' };
  const create = async (name: string, parentId?: string) =>
    (await stack.as('sales_rep').gql(CREATE, { input: { ...base, name, parentId } })).data.createCustomer.customer.id as string;
  const update = (id: string, input: Record<string, unknown>, role: Parameters<TestStack['as']>[0] = 'sales_rep') =>
    stack.as(role).gql(UPDATE, { id, input });

  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing'] });
  });
  afterAll(() => stack?.stop());

  test('re-parenting moves an account; cycles and over-deep trees are refused and change nothing', async () => {
    const root = await create('Holding');
    const a = await create('Division A', root);
    const b = await create('Team B', a);
    const other = await create('Other root');

    const moved = await update(a, { parentId: other });
    expect(moved.data.updateCustomer).toMatchObject({ customer: { parent: { id: other }, children: [{ id: b }] }, userErrors: [] });

    const eventsBefore = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log`);
    const cycle = await update(other, { parentId: b });
    expect(cycle.data.updateCustomer).toEqual({
      customer: null,
      userErrors: [{ code: 'HIERARCHY_CYCLE', message: expect.any(String), field: ['input', 'parentId'] }],
    });
    const self = await update(a, { parentId: a });
    expect(self.data.updateCustomer.userErrors[0].code).toBe('HIERARCHY_CYCLE');

    // other(0) > a(1) > b(2); a chain of three more under a fresh root would make six levels.
    const l1 = await create('L1');
    const l2 = await create('L2', l1);
    const l3 = await create('L3', l2);
    const tooDeep = await update(other, { parentId: l3 });
    expect(tooDeep.data.updateCustomer.userErrors[0]).toMatchObject({ code: 'HIERARCHY_TOO_DEEP', field: ['input', 'parentId'] });
    const [{ parent_id }] = await stack.sql(`SELECT parent_id FROM customer.customer WHERE id = $1`, [other]);
    expect(parent_id).toBeNull();
    // Only the successful move (and the customers created since) added events.
    const eventsAfter = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log`);
    expect(eventsAfter[0].n - eventsBefore[0].n).toBe(3);

    const detached = await update(a, { parentId: null });
    expect(detached.data.updateCustomer.customer.parent).toBeNull();
  });

  test('a move to another tax region reaches billing and contract through CustomerUpdated', async () => {
    const id = await create('Mover');
    const res = await update(id, { name: 'Mover GmbH', taxRegion: 'US-NY' }, 'admin');
    expect(res.data.updateCustomer.customer).toMatchObject({ name: 'Mover GmbH', taxRegion: 'US-NY' });
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'CustomerUpdated' AND aggregate_id = $1`, [id]);
    expect(event.payload).toEqual({ customerId: id, name: 'Mover GmbH', taxRegion: 'US-NY', parentId: null, changed: ['name', 'taxRegion'] });
    await stack.settle();
    expect(await stack.sql(`SELECT tax_region FROM billing.customer_account WHERE id = $1`, [id])).toEqual([{ tax_region: 'US-NY' }]);
    expect(await stack.sql(`SELECT name, tax_region FROM contract.known_customer WHERE id = $1`, [id])).toEqual([
      { name: 'Mover GmbH', tax_region: 'US-NY' },
    ]);
    // Nothing to change: no event.
    await update(id, { name: 'Mover GmbH' }, 'admin');
    expect(await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE type = 'CustomerUpdated' AND aggregate_id = $1`, [id])).toEqual([{ n: 1 }]);
  });

  test('a partner updates only the accounts it owns', async () => {
    const owned = (await stack.as('partner', { partnerId: 'pa' }).gql(CREATE, { input: { ...base, name: 'Partner owned' } })).data.createCustomer.customer.id;
    const byOther = await stack.as('partner', { partnerId: 'pb' }).gql(UPDATE, { id: owned, input: { name: 'Hijacked' } });
    expect(byOther.data.updateCustomer.userErrors[0].code).toBe('CUSTOMER_NOT_FOUND');
    const byOwner = await stack.as('partner', { partnerId: 'pa' }).gql(UPDATE, { id: owned, input: { name: 'Renamed' } });
    expect(byOwner.data.updateCustomer.customer.name).toBe('Renamed');
  });
});
