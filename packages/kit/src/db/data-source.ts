import 'reflect-metadata';
import { DataSource, type EntityManager, type Logger as OrmLogger, type MixedList } from 'typeorm';
import type { ServiceName } from '../config';

/**
 * Counts the SQL statements a service sends, so tests and metrics can see N+1 patterns.
 * TypeORM reports every query to its logger; nothing else is logged here.
 */
export class StatementCounter implements OrmLogger {
  count = 0;
  logQuery() {
    this.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export interface ServiceDataSource {
  dataSource: DataSource;
  statements: StatementCounter;
}

export function createServiceDataSource(opts: {
  service: ServiceName;
  url: string;
  entities: MixedList<Function | string>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}): ServiceDataSource {
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.service,
    entities: opts.entities as never,
    migrations: opts.migrations as never,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: statements,
    extra: {
      max: opts.poolSize ?? 10,
      options: `-c search_path=${opts.service}`,
      application_name: `${opts.service}-subgraph`,
    },
  });
  return { dataSource, statements };
}

export async function initializeAndMigrate(ds: DataSource): Promise<void> {
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
}

export type { DataSource, EntityManager };
