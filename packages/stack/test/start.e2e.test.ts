import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, SERVICES } from '@rg/kit';
import { signDevToken } from '@rg/gateway';
import { createTestDatabase, postGraphql, type TestDatabase } from '@rg/testkit';
import { REPO_ROOT } from '../src/paths';

/** `npm start` as a user runs it: separate processes, demo data, a clean stop. */
describe('npm start', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  async function ports() {
    const entries: Array<[string, string]> = [];
    for (const name of [...SERVICES, 'gateway']) entries.push([`${name.toUpperCase()}_PORT`, String(await freePort())]);
    return Object.fromEntries(entries) as Record<string, string>;
  }

  function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'packages/stack/src/cli/start.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'packages/tsconfig.base.json'), DATABASE_URL: db.adminUrl, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => output, exited };
  }

  async function until(check: () => boolean, timeoutMs: number, what: () => string) {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${what()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('starts the subgraphs and the gateway with demo data, and stops them all', async () => {
    const env = await ports();
    const stack = start(env);
    await until(() => stack.output().includes('Revenue Graph is running'), 180_000, stack.output);
    expect(stack.output()).toContain('Demo data created.');

    const url = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const token = await signDevToken({ sub: 'tester', roles: ['finance'] });
    const res = await postGraphql<any>(
      url,
      { query: '{ customers { totalCount nodes { name contracts { number } invoices { number total { amount currency } } } } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.customers.totalCount).toBe(4);
    const acme = res.data.customers.nodes.find((c: { name: string }) => c.name === 'Acme Analytics');
    expect(acme.invoices).toEqual([{ number: 'US01-2026-000001', total: { amount: '8100.00', currency: 'USD' } }]);

    stack.child.kill('SIGTERM');
    expect(await stack.exited).toBe(0);
    for (const port of Object.values(env)) {
      const free = await new Promise<boolean>((resolve) => {
        const probe = createServer().once('error', () => resolve(false));
        probe.listen(Number(port), '0.0.0.0', () => probe.close(() => resolve(true)));
      });
      expect(free).toBe(true);
    }

    // A second start keeps the data: no second demo data set.
    const again = start(env);
    await until(() => again.output().includes('Revenue Graph is running'), 180_000, again.output);
    expect(again.output()).not.toContain('Demo data created.');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 420_000);

  test('a port already in use is named, and nothing is left running', async () => {
    const env = await ports();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.LEDGER_PORT), '0.0.0.0', () => resolve()));
    try {
      const stack = start(env);
      expect(await stack.exited).toBe(1);
      expect(stack.output()).toContain(`Port ${env.LEDGER_PORT} (ledger) is already in use`);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
