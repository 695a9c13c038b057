import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Registry } from 'prom-client';
import { createLogger, stableStringify } from '@rg/kit';
import { AuthError, type TokenVerifier } from '../auth';
import type { GatewayContext } from '../context';
import { armor, type Limits } from '../limits';
import { SubscriberConnection } from './connection';
import { decodeCursor } from './cursor';
import { EventLog } from './event-log';
import { planEventQuery } from './event-query';
import { EventResolver } from './event-resolver';
import { commitTimes, EventStream, type StreamDeps } from './event-stream';
import { subscriptionMetrics } from './metrics';
import { RecentCache } from './recent-cache';
import type { ServedGateway } from './served-gateway';
import { STREAMS, type StreamName } from './streams';

export interface SubscriptionOptions {
  /** The gateway role's connection: it reads events.event_log and nothing else. */
  databaseUrl: string;
  /** Unsent events one connection may have buffered. */
  maxPendingPerConnection?: number;
  /** How long a full buffer may stay full before the client is closed as too slow (4429). */
  slowSubscriberMs?: number;
  /** Subscriptions one connection may hold open at once. */
  maxSubscriptionsPerConnection?: number;
  /** How often the log is read even without a NOTIFY. */
  pollMs?: number;
  /** Recent events kept in memory for live subscribers. */
  windowSize?: number;
  /** Federated queries run at once for event payloads. */
  resolveConcurrency?: number;
}

export interface SubscriptionParts {
  httpServer: http.Server;
  apollo: ApolloServer<GatewayContext>;
  served: ServedGateway;
  verifier: TokenVerifier;
  metrics: Registry;
  limits: Limits;
}

export const FORBIDDEN_CODE = 4403;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface ConnectionExtra {
  connection?: SubscriberConnection;
  expiry?: NodeJS.Timeout;
  [key: PropertyKey]: unknown;
}

/** `{ authorization: 'Bearer …' }` or `{ token }` in connection_init. */
function tokenFrom(params: Record<string, unknown> | undefined): string | null {
  if (!params) return null;
  if (typeof params.token === 'string') return params.token;
  const header = params.authorization ?? params.Authorization;
  if (typeof header === 'string') return /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? null;
  return null;
}

function rootFieldOf(set: SelectionSetNode, document: DocumentNode): FieldNode | null {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) return s;
    const inner =
      s.kind === Kind.INLINE_FRAGMENT
        ? s.selectionSet
        : (document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value) as FragmentDefinitionNode | undefined)?.selectionSet;
    const found = inner && rootFieldOf(inner, document);
    if (found) return found;
  }
  return null;
}

/** graphql-ws on the gateway's HTTP server, path /graphql, fed by the event log. */
export async function attachSubscriptions(parts: SubscriptionParts, opts: SubscriptionOptions): Promise<{ stop(): Promise<void> }> {
  const log = createLogger('gateway');
  const production = process.env.NODE_ENV === 'production';
  const metrics = subscriptionMetrics(parts.metrics);
  const limit = opts.maxPendingPerConnection ?? 1000;
  const maxSubscriptions = opts.maxSubscriptionsPerConnection ?? 100;
  const eventLog = await EventLog.open({
    databaseUrl: opts.databaseUrl,
    types: Object.values(STREAMS).flatMap((k) => k.logTypes),
    log,
    pollMs: opts.pollMs,
    windowSize: opts.windowSize,
  });
  const deps: StreamDeps = {
    log: eventLog,
    resolver: new EventResolver(parts.apollo, metrics, opts.resolveConcurrency),
    shapes: new RecentCache<ExecutionResult>(),
    schema: () => parts.served.schema,
    metrics,
  };
  const limitRules = armor(parts.limits).validationRules;

  function subscribe(args: ExecutionArgs): ExecutionResult | EventStream {
    const context = args.contextValue as { connection: SubscriberConnection };
    const operation = getOperationAST(args.document, args.operationName) as OperationDefinitionNode;
    const rootField = rootFieldOf(operation.selectionSet, args.document)!;
    const kind = STREAMS[rootField.name.value as StreamName];
    const schema = parts.served.schema;
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
    if (variables.errors) return { errors: variables.errors };
    try {
      const argValues = getArgumentValues(schema.getSubscriptionType()!.getFields()[kind.name], rootField, variables.coerced);
      const start = typeof argValues.after === 'string' ? BigInt(decodeCursor(argValues.after)) : eventLog.headPosition;
      return new EventStream(
        deps,
        {
          kind,
          filter: {
            customerId: (argValues.customerId as string | undefined) ?? null,
            contractId: (argValues.contractId as string | undefined) ?? null,
          },
          query: planEventQuery({
            apiSchema: parts.served.apiSchema,
            document: args.document,
            operation,
            rootField,
            kind,
            variableValues: variables.coerced,
          }),
          operation: { document: args.document, operationName: args.operationName, variableValues: variables.coerced },
          operationKey: `${print(args.document)}\n${args.operationName ?? ''}\n${stableStringify(variables.coerced)}`,
          start,
        },
        context.connection,
      );
    } catch (err) {
      if (err instanceof GraphQLError) return { errors: [err] };
      throw err;
    }
  }

  const wss = new WebSocketServer({ server: parts.httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: () => parts.served.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
      async onConnect(ctx) {
        const token = tokenFrom(ctx.connectionParams);
        if (!token) return false;
        let verified;
        try {
          verified = await parts.verifier(token);
        } catch (err) {
          if (err instanceof AuthError) return false;
          throw err;
        }
        const socket = ctx.extra.socket;
        ctx.extra.connection = new SubscriberConnection(
          verified.actor,
          limit,
          opts.slowSubscriberMs ?? 5000,
          (code, reason) => socket.close(code, reason),
          () => metrics.slowClosed.inc(),
        );
        if (verified.expiresAt !== null) {
          const closeAtExpiry = () => ctx.extra.connection?.close(FORBIDDEN_CODE, 'Forbidden: token expired');
          ctx.extra.expiry = setTimeout(closeAtExpiry, Math.min(Math.max(0, verified.expiresAt - Date.now()), MAX_TIMER_MS));
        }
        metrics.connections.inc();
        return true;
      },
      onDisconnect(ctx) {
        metrics.connections.dec();
        ctx.extra.connection?.close(1000, 'Closed');
      },
      onClose(ctx) {
        if (ctx.extra.expiry) clearTimeout(ctx.extra.expiry);
      },
      // A dashboard needs a few streams; more on one socket is a runaway client.
      onSubscribe(ctx) {
        const open = Object.keys(ctx.subscriptions).length;
        if (open >= maxSubscriptions) {
          return [
            new GraphQLError(`This connection already holds ${open} subscriptions, the most allowed; open another connection`, {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
      },
      context: (ctx) => ({ connection: ctx.extra.connection }),
      subscribe: (args) => subscribe(args),
      execute: () => ({
        errors: [new GraphQLError('Send queries and mutations over HTTP; this socket serves subscriptions', { extensions: { code: 'BAD_REQUEST' } })],
      }),
      onNext(_ctx, _id, _payload, _args, result) {
        const sent = commitTimes.get(result);
        if (!sent) return;
        metrics.delivered.inc({ field: sent.field });
        metrics.latency.observe({ field: sent.field }, Math.max(0, Date.now() - sent.committedAt) / 1000);
      },
      isProd: production,
    },
    wss,
  );

  return {
    async stop() {
      await server.dispose();
      await eventLog.close();
    },
  };
}
