import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@rg/kit/src/net';
import { startEmbeddedPostgres } from '@rg/kit/src/db/embedded';

/**
 * One real PostgreSQL server for the whole test run (embedded, throw-away data folder).
 * Each test file creates its own database in it (see database.ts). DATABASE_URL points tests at
 * an external server instead.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = join(__dirname, '..', '..', '..', '.test-data', `pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  process.env.TEST_DATABASE_URL = pg.adminUrl;
  (globalThis as { __rgPostgres?: { stop(): Promise<void>; dataDir: string } }).__rgPostgres = { stop: pg.stop, dataDir };
}
