import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '@rg/testkit';
import { newCustomer } from './support';

/** The contract subgraph's copy of customers, learnt only from the customer subgraph's events. */
describe('customer copy from events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
  });
  afterAll(() => stack?.stop());

  const copyOf = async (id: string) =>
    (await stack.sql(`SELECT currency, tax_region, legal_entity_code, partner_id, credit_hold FROM contract.known_customer WHERE id = $1`, [id]))[0];

  test('CustomerCreated and CreditHoldChanged keep the copy current', async () => {
    const id = await newCustomer(stack, { name: 'Copy Co', currency: 'EUR', taxRegion: 'NL', legalEntityCode: 'DE01' }, 'partner', 'partner-7');
    expect(await copyOf(id)).toEqual({ currency: 'EUR', tax_region: 'NL', legal_entity_code: 'DE01', partner_id: 'partner-7', credit_hold: false });
    await stack.as('finance').gql(`mutation($id: ID!) { setCreditHold(customerId: $id, hold: true, reason: "overdue") { userErrors { code } } }`, { id });
    await stack.settle();
    expect((await copyOf(id)).credit_hold).toBe(true);
  });

  test('the same customer announced again (a new event id, same business key) changes nothing', async () => {
    const id = await newCustomer(stack, { name: 'Original Name' });
    const [original] = await stack.sql(`SELECT type, version, producer, aggregate_type, aggregate_id, payload FROM events.event_log WHERE type = 'CustomerCreated' AND aggregate_id = $1`, [id]);
    await stack.sql(
      `INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, 'corr-replay', now(), $7)`,
      [randomUUID(), original.type, original.version, original.producer, original.aggregate_type, original.aggregate_id, { ...original.payload, currency: 'GBP' }],
    );
    await stack.settle();
    expect((await copyOf(id)).currency).toBe('USD');
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM ops.dead_letter WHERE service = 'contract'`);
    expect(n).toBe(0);
  });
});
