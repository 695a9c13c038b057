import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase, provisionDatabase, withDatabase } from '@rg/kit';

export interface TestDatabase {
  name: string;
  adminUrl: string;
  drop(): Promise<void>;
}

export function clusterAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run tests through Jest (its globalSetup starts PostgreSQL)');
  return url;
}

/** A fresh, provisioned database in the test cluster: each suite gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const cluster = clusterAdminUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(cluster, name);
  const adminUrl = withDatabase(cluster, name);
  await provisionDatabase(adminUrl);
  return {
    name,
    adminUrl,
    async drop() {
      const c = new Client({ connectionString: cluster });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
