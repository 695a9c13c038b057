import { Client } from 'pg';
import { ensureDatabase, provisionDatabase, withDatabase } from '../src';
import { clusterAdminUrl } from '@rg/testkit';

/** Provisioners of several databases on one server race on the cluster-wide roles; none may fail. */
describe('provisioning', () => {
  test('eight databases provisioned at once all succeed, and again on a second run', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `prov_${process.pid}_${i}`);
    for (const name of names) await ensureDatabase(clusterAdminUrl(), name);
    try {
      await Promise.all(names.map((name) => provisionDatabase(withDatabase(clusterAdminUrl(), name))));
      await Promise.all(names.map((name) => provisionDatabase(withDatabase(clusterAdminUrl(), name))));
      const c = new Client({ connectionString: withDatabase(clusterAdminUrl(), names[0]) });
      await c.connect();
      const schemas = await c.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ('customer','contract','billing','ledger','renewal','events','ops') ORDER BY 1`);
      await c.end();
      expect(schemas.rows.map((r) => r.nspname)).toEqual(['billing', 'contract', 'customer', 'events', 'ledger', 'ops', 'renewal']);
    } finally {
      const c = new Client({ connectionString: clusterAdminUrl() });
      await c.connect();
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    }
  });
});
