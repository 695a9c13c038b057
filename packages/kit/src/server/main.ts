import { DEFAULT_PORTS, loadConfig, z } from '../config';
import { serviceDatabaseUrl } from '../db/urls';
import { createLogger } from '../logger';
import { startSubgraph, type SubgraphDefinition } from './subgraph';

/** Entry point of a subgraph process: configuration from env, graceful stop on SIGTERM/SIGINT. */
export function runSubgraphMain<L>(def: SubgraphDefinition<L>): void {
  const log = createLogger(def.service);
  const config = loadConfig({
    PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS[def.service]),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string().url().optional(),
    SERVICE_DATABASE_URL: z.string().url().optional(),
  });
  if (!config.DATABASE_URL && !config.SERVICE_DATABASE_URL) {
    log.fatal('Set DATABASE_URL or SERVICE_DATABASE_URL');
    process.exit(1);
  }
  startSubgraph(def, { port: config.PORT, host: config.HOST, databaseUrl: serviceDatabaseUrl(def.service) })
    .then((handle) => {
      const stop = async () => {
        log.info('stopping');
        await handle.stop().catch((err) => log.error({ err }, 'error while stopping'));
        process.exit(0);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((err) => {
      log.fatal({ err: err instanceof Error ? err.message : err }, 'failed to start');
      console.error(`${def.service}: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
