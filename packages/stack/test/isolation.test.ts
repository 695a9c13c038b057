import { Client } from 'pg';
import { SERVICES } from '@rg/kit';
import { startTestStack, type TestStack } from '@rg/testkit';

/** Each subgraph's login role reaches its own schema and the shared platform tables, nothing else. */
describe('data ownership', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  async function asService<T>(service: (typeof SERVICES)[number], fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: stack.serviceUrl(service) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  test('the billing role cannot select from the contract schema', async () => {
    await expect(asService('billing', (c) => c.query('SELECT * FROM contract.schema_migrations'))).rejects.toThrow(
      /permission denied for schema contract/,
    );
  });

  test.each(SERVICES)('the %s role reads its own schema and no other subgraph schema', async (service) => {
    const own = await asService(service, (c) => c.query(`SELECT count(*) FROM ${service}.schema_migrations`));
    expect(Number(own.rows[0].count)).toBeGreaterThan(0);
    for (const other of SERVICES.filter((s) => s !== service)) {
      await expect(asService(service, (c) => c.query(`SELECT 1 FROM ${other}.schema_migrations`))).rejects.toThrow(/permission denied/);
      await expect(asService(service, (c) => c.query(`CREATE TABLE ${other}.intruder (id int)`))).rejects.toThrow(/permission denied/);
    }
  });

  test('a subgraph role cannot rewrite the event log or the audit trail', async () => {
    await expect(asService('billing', (c) => c.query(`DELETE FROM events.event_log`))).rejects.toThrow(/permission denied/);
    await expect(asService('billing', (c) => c.query(`UPDATE ops.audit_record SET actor = 'x'`))).rejects.toThrow(/permission denied/);
  });
});
