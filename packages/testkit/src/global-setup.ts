import { join } from 'node:path';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

/**
 * One real PostgreSQL server for the whole test run (embedded, throw-away data folder). Each
 * test file creates its own database in it (see database.ts). TEST_DATABASE_URL points the tests
 * at an existing server instead.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const pg = await startThrowawayPostgres(join(__dirname, '..', '..', '..', '.test-data', `pg-${process.pid}`));
  process.env.TEST_DATABASE_URL = pg.url;
  (globalThis as { __rgPostgres?: ThrowawayPostgres }).__rgPostgres = pg;
}
