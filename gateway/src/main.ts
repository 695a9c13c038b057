import { createLogger, DEFAULT_PORTS, GATEWAY_ROLE, gatewayPassword, loadConfig, SERVICES, urlForRole, z } from '@rg/kit';
import { startGateway } from './server';

const log = createLogger('gateway');
const config = loadConfig({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS.gateway),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  GATEWAY_DATABASE_URL: z.string().url().optional(),
  // Subscriptions: unsent events a connection may buffer, and how long it may stay full
  // before the client is closed as too slow (4429).
  SUBSCRIPTION_MAX_PENDING: z.coerce.number().int().positive().default(1000),
  SUBSCRIPTION_SLOW_MS: z.coerce.number().int().positive().default(5000),
  SUBSCRIPTION_MAX_PER_CONNECTION: z.coerce.number().int().positive().default(100),
});
const databaseUrl =
  config.GATEWAY_DATABASE_URL ??
  (config.DATABASE_URL ? urlForRole(config.DATABASE_URL, GATEWAY_ROLE, gatewayPassword()) : undefined);
const subgraphUrls = Object.fromEntries(
  SERVICES.map((s) => [s, process.env[`${s.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[s]}/graphql`]),
);

startGateway({
  port: config.PORT,
  host: config.HOST,
  subgraphUrls,
  databaseUrl,
  subscriptions: {
    maxPendingPerConnection: config.SUBSCRIPTION_MAX_PENDING,
    slowSubscriberMs: config.SUBSCRIPTION_SLOW_MS,
    maxSubscriptionsPerConnection: config.SUBSCRIPTION_MAX_PER_CONNECTION,
  },
})
  .then((gateway) => {
    const stop = async () => {
      await gateway.stop().catch((err) => log.error({ err }, 'error while stopping'));
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((err) => {
    console.error(`gateway: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
