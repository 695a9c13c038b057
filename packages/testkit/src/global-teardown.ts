import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown() {
  const pg = (globalThis as { __rgPostgres?: { child: ChildProcess; dataDir: string } }).__rgPostgres;
  if (!pg) return;
  await new Promise<void>((resolve) => {
    pg.child.once('exit', () => resolve());
    pg.child.send('stop');
  });
  rmSync(pg.dataDir, { recursive: true, force: true });
}
