import { ensureDatabase, provisionDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedPostgresHandle } from '@rg/kit';
import { EMBEDDED_PG_DIR } from './paths';

export const DEFAULT_DATABASE = 'revenue_graph';

/**
 * The database the stack runs on: DATABASE_URL when set (its user must be able to create roles),
 * otherwise an embedded PostgreSQL in .data/postgres that keeps its data across restarts.
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<{
  adminUrl: string;
  embedded: EmbeddedPostgresHandle | null;
}> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let adminUrl = env.DATABASE_URL;
  if (!adminUrl) {
    const port = Number(env.EMBEDDED_PG_PORT ?? 5433);
    embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_PG_DIR, port, persistent: true });
    await ensureDatabase(embedded.adminUrl, DEFAULT_DATABASE);
    adminUrl = withDatabase(embedded.adminUrl, DEFAULT_DATABASE);
  }
  await provisionDatabase(adminUrl, env);
  return { adminUrl, embedded };
}
