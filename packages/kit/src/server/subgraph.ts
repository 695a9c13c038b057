import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLFormattedError } from 'graphql';
import type { MixedList } from 'typeorm';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { Actor } from '../auth/actor';
import { CORRELATION_HEADER, hopKey, IDENTITY_HEADER, SIGNATURE_HEADER, verifyHop } from '../auth/hop';
import type { ServiceName } from '../config';
import { currentScope, runInScope } from '../context';
import { createServiceDataSource, initializeAndMigrate, type DataSource, type StatementCounter } from '../db/data-source';
import { createLogger, type Logger } from '../logger';
import { writeAudit } from '../mutation';
import { enforceAuthDirectives, STANDARD_POLICIES, type AccessPolicy } from './directives';
import { startConsumer, type ConsumerHandle, type EventHandlers } from '../events/consumer';
import { listen } from './listen';

export interface SubgraphContext<L = unknown> {
  service: ServiceName;
  actor: Actor | null;
  correlationId: string;
  dataSource: DataSource;
  loaders: L;
  log: Logger;
}

export interface SubgraphDefinition<L> {
  service: ServiceName;
  typeDefs: string;
  resolvers: unknown;
  entities: MixedList<Function | string>;
  migrations: MixedList<Function | string>;
  policies?: Record<string, AccessPolicy>;
  createLoaders: (dataSource: DataSource, actor: Actor | null) => L;
  /** Event handlers of this subgraph's consumer, by event type. */
  handlers?: EventHandlers;
  /** Runs after migrations, before serving: reference data, demo data. */
  onStart?: (dataSource: DataSource, log: Logger) => Promise<void>;
}

export interface SubgraphOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  /** Consumer tuning, mostly for tests. */
  consumer?: { maxAttempts?: number; baseBackoffMs?: number; pollMs?: number; enabled?: boolean };
}

export interface SubgraphHandle {
  service: ServiceName;
  url: string;
  port: number;
  dataSource: DataSource;
  statements: StatementCounter;
  consumer: ConsumerHandle | null;
  metrics: Registry;
  /** TCP connections accepted so far: shows whether callers reuse keep-alive connections. */
  connectionsAccepted(): number;
  stop(): Promise<void>;
}

/** Error codes clients may see as they are; anything else is masked and logged. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function maskError(log: Logger, correlationId: () => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    // Known outcomes keep their message and extensions, less anything internal (subgraph URLs and bodies).
    if (code && PUBLIC_CODES.has(code)) {
      const { response: _r, exception: _e, stacktrace: _s, http: _h, serviceName: _n, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: correlationId() },
    };
  };
}

export async function startSubgraph<L>(def: SubgraphDefinition<L>, opts: SubgraphOptions): Promise<SubgraphHandle> {
  const log = createLogger(def.service);
  const { dataSource, statements } = createServiceDataSource({
    service: def.service,
    url: opts.databaseUrl,
    entities: def.entities,
    migrations: def.migrations,
  });
  await initializeAndMigrate(dataSource);
  if (def.onStart) await def.onStart(dataSource, log);

  const metrics = new Registry();
  metrics.setDefaultLabels({ service: def.service });
  collectDefaultMetrics({ register: metrics });

  const consumer =
    def.handlers && opts.consumer?.enabled !== false
      ? await startConsumer({
          service: def.service,
          dataSource,
          handlers: def.handlers,
          log,
          metrics,
          maxAttempts: opts.consumer?.maxAttempts,
          baseBackoffMs: opts.consumer?.baseBackoffMs,
          pollMs: opts.consumer?.pollMs,
        })
      : null;

  // Idempotency keys are kept at least 24 hours (7 days by default), then purged.
  const retentionHours = Math.max(24, Number(process.env.IDEMPOTENCY_RETENTION_HOURS ?? 168));
  const purge = setInterval(() => {
    dataSource
      .query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [retentionHours])
      .catch((err) => log.warn({ err }, 'idempotency key purge failed'));
  }, 3_600_000);
  purge.unref();

  const schema = enforceAuthDirectives(
    buildSubgraphSchema([{ typeDefs: parse(def.typeDefs), resolvers: def.resolvers as GraphQLResolverMap<unknown> }]),
    { ...STANDARD_POLICIES, ...def.policies },
    (ctx) => (ctx as SubgraphContext).actor,
    async (ctx, field, reason) => {
      const { actor, correlationId } = ctx as SubgraphContext;
      await dataSource.transaction((m) =>
        writeAudit(m, def.service, actor ?? { sub: 'anonymous', roles: [], scopes: [] }, correlationId, [
          { action: field, entityType: 'Mutation', entityId: field, decision: 'DENIED', reason: `FORBIDDEN: ${reason}` },
        ]),
      );
    },
  );

  const app = express();
  const httpServer = http.createServer(app);
  // Keep idle connections open longer than the gateway's client does, so the gateway never
  // reuses a socket this side has just closed ("socket hang up").
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let connectionsAccepted = 0;
  httpServer.on('connection', () => (connectionsAccepted += 1));

  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, () => currentScope()?.correlationId),
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: def.service });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      const consumerStatus = consumer ? await consumer.status() : null;
      res.json({ status: 'ready', service: def.service, consumer: consumerStatus });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', service: def.service, error: String(err) });
    }
  });
  app.get('/metrics', async (_req, res) => {
    if (consumer) await consumer.status();
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  const key = hopKey(def.service);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      const claims = verifyHop(
        { identity: req.header(IDENTITY_HEADER), signature: req.header(SIGNATURE_HEADER) },
        key,
        def.service,
      );
      if (!claims) {
        res.status(401).json({
          errors: [{ message: 'Requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }],
        });
        return;
      }
      res.locals.claims = claims;
      next();
    },
    (req, res, next) => {
      const claims = res.locals.claims as { actor: Actor | null; correlationId: string };
      const correlationId = claims.correlationId || req.header(CORRELATION_HEADER) || randomUUID();
      runInScope({ correlationId, actor: claims.actor ?? undefined }, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const claims = res.locals.claims as { actor: Actor | null; correlationId: string };
        return {
          service: def.service,
          actor: claims.actor,
          correlationId: claims.correlationId,
          dataSource,
          loaders: def.createLoaders(dataSource, claims.actor),
          log,
        };
      },
    }),
  );

  const port = await listen(httpServer, opts.port, opts.host ?? '0.0.0.0', `${def.service} subgraph`);
  log.info({ port }, 'subgraph ready');

  return {
    service: def.service,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    dataSource,
    statements,
    consumer,
    metrics,
    connectionsAccepted: () => connectionsAccepted,
    async stop() {
      clearInterval(purge);
      await consumer?.stop();
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
