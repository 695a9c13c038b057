import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const pg = (globalThis as { __rgPostgres?: { stop(): Promise<void>; dataDir: string } }).__rgPostgres;
  if (!pg) return;
  await pg.stop();
  rmSync(pg.dataDir, { recursive: true, force: true });
}
