import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One real PostgreSQL server for the whole test run (embedded, throw-away data folder), in a
 * child process. Each test file creates its own database in it (see database.ts).
 * TEST_DATABASE_URL points the tests at an existing server instead.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = join(__dirname, '..', '..', '..', '.test-data', `pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const child = fork(join(__dirname, 'postgres-process.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) => (m.url ? resolve(m.url) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}`)));
  });
  process.env.TEST_DATABASE_URL = url;
  (globalThis as { __rgPostgres?: { child: ChildProcess; dataDir: string } }).__rgPostgres = { child, dataDir };
}
