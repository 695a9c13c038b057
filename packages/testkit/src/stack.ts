import { Pool } from 'pg';
import {
  GATEWAY_ROLE,
  gatewayPassword,
  SERVICES,
  serviceRole,
  urlForRole,
  servicePassword,
  startSubgraph,
  type Role,
  type ServiceName,
  type SubgraphHandle,
} from '@rg/kit';
import { startGateway, type GatewayHandle, type GatewayOptions } from '@rg/gateway';
import { loadDefinition } from '@rg/stack';
import { createTestDatabase, type TestDatabase } from './database';
import { clientFor, type ActorOptions, type GqlClient } from './client';

export interface TestStack {
  gatewayUrl: string;
  gateway: GatewayHandle;
  subgraphs: Partial<Record<ServiceName, SubgraphHandle>>;
  database: TestDatabase;
  /** A client with a development token for the role. */
  as(role: Role, opts?: ActorOptions): GqlClientLazy;
  /** Waits until every consumer has processed every event on the log. */
  settle(timeoutMs?: number): Promise<void>;
  /** SQL as the database administrator: for assertions and fixtures only. */
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  /** The URL a subgraph's own role connects with. */
  serviceUrl(service: ServiceName): string;
  stop(): Promise<void>;
}

export interface GqlClientLazy {
  gql: GqlClient['gql'];
  token(): Promise<string>;
}

export interface TestStackOptions {
  services?: readonly ServiceName[];
  consumer?: { maxAttempts?: number; baseBackoffMs?: number; pollMs?: number };
  gateway?: Partial<GatewayOptions>;
}

export const serviceUrlFor = (adminUrl: string, service: ServiceName): string =>
  urlForRole(adminUrl, serviceRole(service), servicePassword(service));

/** A whole stack in this process: fresh database, the subgraphs and the gateway on free ports. */
export async function startTestStack(opts: TestStackOptions = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  const admin = new Pool({ connectionString: database.adminUrl, max: 3 });
  const subgraphs: Partial<Record<ServiceName, SubgraphHandle>> = {};
  const services = opts.services ?? SERVICES;
  let gateway: GatewayHandle;
  try {
    for (const service of services) {
      subgraphs[service] = await startSubgraph(loadDefinition(service), {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: serviceUrlFor(database.adminUrl, service),
        consumer: { maxAttempts: 3, baseBackoffMs: 10, pollMs: 250, ...opts.consumer },
      });
    }
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([s, h]) => [s, h!.url])),
      databaseUrl: urlForRole(database.adminUrl, GATEWAY_ROLE, gatewayPassword()),
      ...opts.gateway,
    });
  } catch (err) {
    // Leave nothing running behind a failed start.
    for (const h of Object.values(subgraphs)) await h?.stop().catch(() => {});
    await admin.end();
    await database.drop().catch(() => {});
    throw err;
  }

  const sql = async <T>(query: string, params: unknown[] = []) => (await admin.query(query, params)).rows as T[];

  async function settle(timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    let stableRounds = 0;
    while (Date.now() < deadline) {
      const handles = Object.values(subgraphs).filter((h) => h?.consumer);
      await Promise.all(handles.map((h) => h!.consumer!.drain()));
      const statuses = await Promise.all(handles.map((h) => h!.consumer!.status()));
      const [{ pending }] = await sql<{ pending: string }>(
        `SELECT count(*) AS pending FROM ops.dead_letter WHERE status = 'RETRY_REQUESTED'`,
      );
      if (statuses.every((s) => s.lag === 0) && Number(pending) === 0) {
        stableRounds += 1;
        if (stableRounds >= 2) return;
      } else stableRounds = 0;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('Consumers did not catch up with the event log in time');
  }

  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    database,
    as(role, actorOpts) {
      const client = clientFor(gateway.url, role, actorOpts);
      return {
        gql: async (query, variables, headers) => (await client).gql(query, variables, headers),
        token: async () => (await client).token,
      };
    },
    settle,
    sql,
    serviceUrl: (service) => serviceUrlFor(database.adminUrl, service),
    async stop() {
      await gateway.stop();
      for (const h of Object.values(subgraphs)) await h?.stop();
      await admin.end();
      await database.drop();
    },
  };
}
