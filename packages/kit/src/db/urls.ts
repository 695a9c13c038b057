import type { ServiceName } from '../config';

/** The login role of a subgraph: it owns its schema and nothing else. */
export const serviceRole = (service: ServiceName) => `${service}_svc`;

export function servicePassword(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`DB_PASSWORD_${service.toUpperCase()}`] ?? `${service}-dev-password`;
}

/** The service's own connection string: SERVICE_DATABASE_URL, or DATABASE_URL with the service's role. */
export function serviceDatabaseUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SERVICE_DATABASE_URL) return env.SERVICE_DATABASE_URL;
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return urlForRole(env.DATABASE_URL, serviceRole(service), servicePassword(service, env));
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The gateway's login role: it may read the event log (for subscriptions) and nothing else. */
export const GATEWAY_ROLE = 'gateway_svc';
export const gatewayPassword = (env: NodeJS.ProcessEnv = process.env) => env.DB_PASSWORD_GATEWAY ?? 'gateway-dev-password';

/** A connection string for `role` on the server and database of `adminUrl`. */
export function urlForRole(adminUrl: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}
