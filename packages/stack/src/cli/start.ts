/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL), migrations, the five subgraphs and the
 * gateway as separate processes, demo data on first start. Ctrl-C stops all of it.
 */
import { assertPortFree, DEFAULT_PORTS, SERVICES } from '@rg/kit';
import { openDatabase } from '../database';
import { seedDemoData } from '../demo';
import { EXAMPLE_QUERY } from '../example-query';
import { spawnService, stopAll, waitForHttp, type ServiceProcess } from '../processes';

/** Each service's port: `<NAME>_PORT` (GATEWAY_PORT, BILLING_PORT …) or its default. */
const portOf = (name: keyof typeof DEFAULT_PORTS) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[name]);

async function main() {
  const processes: ServiceProcess[] = [];
  let stopping = false;
  const { adminUrl, embedded } = await openDatabase();
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the stack …');
    await stopAll(processes);
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    for (const name of [...SERVICES, 'gateway'] as const) await assertPortFree(portOf(name), name);
    const env = { ...process.env, DATABASE_URL: adminUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
    for (const service of SERVICES) {
      const p = spawnService(service, `subgraphs/${service}/src/main.ts`, { ...env, PORT: String(portOf(service)) });
      processes.push(p);
    }
    // Subgraphs migrate their own schemas on start; wait for all before the gateway.
    await Promise.all(processes.map((p) => waitForHttp(`http://127.0.0.1:${portOf(p.name as 'customer')}/health`, 120_000, p.exited)));
    const subgraphUrls = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${portOf(s)}/graphql`]));
    const gateway = spawnService('gateway', 'gateway/src/main.ts', { ...env, ...subgraphUrls, PORT: String(portOf('gateway')) });
    processes.push(gateway);
    await waitForHttp(`http://127.0.0.1:${portOf('gateway')}/health`, 60_000, gateway.exited);
    for (const p of processes) {
      void p.exited.then((code) => {
        if (!stopping) {
          console.error(`${p.name} exited unexpectedly (code ${code}); stopping the stack.`);
          void shutdown(1);
        }
      });
    }

    const gatewayUrl = `http://localhost:${portOf('gateway')}/graphql`;
    try {
      if (await seedDemoData(gatewayUrl)) console.log('Demo data created.');
    } catch (err) {
      console.warn(`Demo data incomplete: ${(err as Error).message}`);
    }
    console.log(`
Revenue Graph is running.
  GraphQL:   ${gatewayUrl}
  Dashboard: http://localhost:${portOf('gateway')}/dashboard
  Database:  ${embedded ? 'embedded PostgreSQL in .data/postgres' : 'DATABASE_URL'}

Get a token:   npm run token -- --role finance
Example query (send with  -H "authorization: Bearer <token>"):
${EXAMPLE_QUERY}

Ctrl-C stops everything.`);
  } catch (err) {
    console.error(`Start failed: ${(err as Error).message}`);
    await shutdown(1);
  }
}

void main();
