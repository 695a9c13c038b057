import {
  executeSync,
  GraphQLError,
  responsePathAsArray,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';

/**
 * What the Subscription root field resolves to for one event: the envelope fields, plus the
 * entity fields the federated query returned, keyed by the client's response keys.
 */
export interface EventSource {
  cursor: string;
  type: string;
  occurredAt: string;
  correlationId: string;
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[];
}

/** The federated query's errors, found again by the path a field has below the event. */
class ShapeContext {
  constructor(private readonly errors: readonly GraphQLFormattedError[]) {}

  errorAt(path: readonly (string | number)[]): GraphQLError | null {
    const found = this.errors.find((e) => e.path && path.every((key, i) => e.path![i] === key));
    if (found) return new GraphQLError(found.message, { extensions: found.extensions });
    const general = this.errors.find((e) => !e.path);
    return general ? new GraphQLError(general.message, { extensions: general.extensions }) : null;
  }
}

/**
 * The federated result is already shaped by the client's selection, aliases included, so every
 * field reads its response key; a missing value re-raises the error the gateway reported there.
 */
const responseKeyResolver: GraphQLFieldResolver<unknown, ShapeContext> = (source, _args, context, info) => {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[info.path.key as string] : undefined;
  if (value !== null && value !== undefined) return value;
  const error = context.errorAt(responsePathAsArray(info.path).slice(1));
  if (error) throw error;
  return null;
};

export const payloadFieldResolver: GraphQLFieldResolver<EventSource, ShapeContext> = (source, args, context, info) =>
  responseKeyResolver(source.data, args, context, info);

export interface ClientOperation {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

/** The client's own document run over one resolved event: the exact result it asked for. */
export function shapeEvent(schema: GraphQLSchema, op: ClientOperation, source: EventSource): ExecutionResult {
  return executeSync({
    schema,
    document: op.document,
    operationName: op.operationName ?? undefined,
    variableValues: op.variableValues ?? undefined,
    rootValue: source,
    contextValue: new ShapeContext(source.errors),
    fieldResolver: responseKeyResolver as GraphQLFieldResolver<unknown, unknown>,
  });
}
