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
  const url = new URL(env.DATABASE_URL);
  url.username = serviceRole(service);
  url.password = servicePassword(service, env);
  return url.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
