import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts one service's entry point (TypeScript, run by tsx) as a child process. */
export function spawnService(name: string, entry: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    // The TypeORM entities use legacy decorators: tsx must read the shared compiler options.
    env: { TSX_TSCONFIG_PATH: join(REPO_ROOT, 'packages/tsconfig.base.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Polls a URL until it answers 200, or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs: number, exited?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`process serving ${url} exited during start-up`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s`);
}

export async function stopAll(processes: ServiceProcess[]): Promise<void> {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.race([
    Promise.all(processes.map((p) => p.exited)),
    new Promise((r) => setTimeout(r, 10_000)),
  ]);
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
}
