import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CORRELATION_HEADER, createLogger, listen, maskError, runInScope, currentScope, type ServiceName } from '@rg/kit';
import { AuthError, authConfigFromEnv, createVerifier, type TokenVerifier } from './auth';
import type { GatewayContext } from './context';
import { armor, limitsFromEnv, type Limits } from './limits';
import { SignedDataSource } from './signed-data-source';
import { gatewaySupergraph } from './supergraph';
import { ServedGateway } from './subscriptions/served-gateway';
import { attachSubscriptions, type SubscriptionOptions } from './subscriptions/attach';
import { mountDashboard } from './dashboard/routes';


export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where each subgraph listens; defaults to the routing URLs in the supergraph. */
  subgraphUrls?: Partial<Record<ServiceName, string>>;
  supergraphSdl?: string;
  /** The gateway role's connection to the event log (subscriptions). */
  databaseUrl?: string;
  /** Tuning of the graphql-ws subscriptions (served when databaseUrl is set). */
  subscriptions?: Omit<SubscriptionOptions, 'databaseUrl'>;
  verifier?: TokenVerifier;
  limits?: Limits;
  /** Extra wiring on the same HTTP server (subscriptions, dashboard). */
  extend?: (parts: GatewayParts) => Promise<{ stop(): Promise<void> } | void>;
}

export interface GatewayParts {
  app: express.Express;
  httpServer: http.Server;
  gateway: ApolloGateway;
  apollo: ApolloServer<GatewayContext>;
  verifier: TokenVerifier;
  metrics: Registry;
}

export interface GatewayHandle {
  url: string;
  port: number;
  metrics: Registry;
  stop(): Promise<void>;
}

const unauthenticatedBody = (message: string) => ({
  errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});

export async function startGateway(opts: GatewayOptions): Promise<GatewayHandle> {
  const log = createLogger('gateway');
  const production = process.env.NODE_ENV === 'production';
  const verifier = opts.verifier ?? createVerifier(authConfigFromEnv());
  const limits = opts.limits ?? limitsFromEnv();
  const supergraphSdl = gatewaySupergraph(opts.supergraphSdl);

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, opts.subgraphUrls?.[name as ServiceName] ?? url ?? ''),
  });

  const metrics = new Registry();
  metrics.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: metrics });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations by outcome',
    labelNames: ['operation', 'outcome'],
    registers: [metrics],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['operation'],
    registers: [metrics],
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const protection = armor(limits);

  // The gateway's schema plus the Subscription types, which graphql-ws serves below.
  const served = new ServedGateway(gateway);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: served,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, () => currentScope()?.correlationId),
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      {
        async requestDidStart() {
          const end = duration.startTimer();
          return {
            async willSendResponse({ operationName, errors, response }) {
              const failed = !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors);
              requests.inc({ operation: operationName ?? 'anonymous', outcome: failed ? 'error' : 'ok' });
              end({ operation: operationName ?? 'anonymous' });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(opts.subgraphUrls ?? {}).map(async ([name, url]) => {
        try {
          const r = await fetch(String(url).replace(/\/graphql$/, '/ready'));
          return [name, r.ok ? 'ready' : `status ${r.status}`] as const;
        } catch (err) {
          return [name, `unreachable: ${(err as Error).message}`] as const;
        }
      }),
    );
    const ready = checks.every(([, s]) => s === 'ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  mountDashboard(app, { production });
  const subscriptions = opts.databaseUrl
    ? await attachSubscriptions(
        { httpServer, apollo, served, verifier, metrics, limits },
        { ...opts.subscriptions, databaseUrl: opts.databaseUrl },
      )
    : null;
  const extension = await opts.extend?.({ app, httpServer, gateway, apollo, verifier, metrics });

  app.use(
    '/graphql',
    express.json({ limit: limits.GRAPHQL_MAX_BODY }),
    async (req, res, next) => {
      const correlationId = req.header(CORRELATION_HEADER)?.slice(0, 128) || randomUUID();
      res.setHeader(CORRELATION_HEADER, correlationId);
      res.locals.correlationId = correlationId;
      // The browser landing page (development only) needs no token; operations do.
      if (req.method === 'GET' && !production && req.accepts(['html', 'json']) === 'html' && !req.query.query) {
        res.locals.actor = null;
        return next();
      }
      const header = req.header('authorization') ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      if (!token) {
        res.status(401).json(unauthenticatedBody('Authentication required: send a bearer token'));
        return;
      }
      try {
        res.locals.actor = (await verifier(token)).actor;
      } catch (err) {
        res.status(401).json(unauthenticatedBody(err instanceof AuthError ? err.message : 'Invalid token'));
        return;
      }
      runInScope({ correlationId, actor: res.locals.actor }, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => ({ actor: res.locals.actor, correlationId: res.locals.correlationId }),
    }),
  );
  // Body-size and JSON errors: a clear message, and the gateway keeps serving.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err.status) return next(err);
    res.status(err.status).json({
      errors: [{ message: err.type === 'entity.too.large' ? 'Request body too large' : err.message, extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  httpServer.keepAliveTimeout = 65_000;
  const port = await listen(httpServer, opts.port, opts.host ?? '0.0.0.0', 'gateway');
  log.info({ port }, 'gateway ready');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    metrics,
    async stop() {
      await extension?.stop();
      await subscriptions?.stop();
      await apollo.stop();
    },
  };
}
