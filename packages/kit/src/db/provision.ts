import { Client } from 'pg';
import { SERVICES, type ServiceName } from '../config';
import { GATEWAY_ROLE, gatewayPassword, serviceRole, servicePassword } from './urls';
import { PLATFORM_SQL } from './platform-schema';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates the login role and schema of every subgraph, and the platform schemas they share
 * (the event log and the operations records). Idempotent: runs on every start.
 * A subgraph role gets privileges on its own schema only, which is what keeps a subgraph
 * from reading another's tables.
 */
export async function provisionDatabase(adminUrl: string, env: NodeJS.ProcessEnv = process.env) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT current_database() AS db');
    const database: string = rows[0].db;
    for (const service of SERVICES) await ensureRole(client, serviceRole(service), servicePassword(service, env));
    await ensureRole(client, GATEWAY_ROLE, gatewayPassword(env));
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    for (const service of SERVICES) {
      const role = ident(serviceRole(service));
      await client.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${role}`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(service)} AUTHORIZATION ${role}`);
      await client.query(`REVOKE ALL ON SCHEMA ${ident(service)} FROM PUBLIC`);
    }
    await client.query(PLATFORM_SQL);
    for (const service of SERVICES) await grantPlatform(client, service);
    // The gateway reads the event log (subscriptions) and nothing else.
    const gateway = ident(GATEWAY_ROLE);
    await client.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${gateway}`);
    await client.query(`GRANT USAGE ON SCHEMA events TO ${gateway}; GRANT SELECT ON events.event_log TO ${gateway};`);
  } finally {
    await client.end();
  }
}

/**
 * Roles are cluster-wide, so provisioners of different databases on one server (parallel test
 * suites, several stacks) can race on them; advisory locks cannot serialize them because those
 * are per database. A lost race is retried: the role then exists and is altered instead.
 */
async function ensureRole(client: Client, role: string, password: string) {
  const RACES = new Set(['23505', '42710', 'XX000', '40001']); // duplicate key/object, concurrent update
  for (let attempt = 1; ; attempt++) {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    try {
      await client.query(`${verb} ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)}`);
      return;
    } catch (err) {
      if (attempt >= 5 || !RACES.has((err as { code?: string }).code ?? '')) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

async function grantPlatform(client: Client, service: ServiceName) {
  const role = ident(serviceRole(service));
  await client.query(`
    GRANT USAGE ON SCHEMA events, ops TO ${role};
    GRANT SELECT, INSERT ON events.event_log TO ${role};
    GRANT USAGE ON SEQUENCE events.event_log_position_seq TO ${role};
    GRANT SELECT, INSERT ON ops.audit_record TO ${role};
    GRANT SELECT, INSERT, UPDATE ON ops.dead_letter TO ${role};
  `);
}

/** Creates a database if it is missing (tests use one database per suite). */
export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${ident(database)}`);
  } finally {
    await client.end();
  }
}
