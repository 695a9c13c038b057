import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { execute, GraphQLError, Kind, type GraphQLSchema, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';
import { withSubscriptions } from './schema';

/**
 * The gateway as Apollo Server sees it: the same federated execution, over a schema that also
 * has the Subscription types (served by graphql-ws on the same path). Validation and
 * introspection over HTTP use that schema, so clients and tools see the whole contract; queries
 * and mutations still go through the gateway's query planner.
 */
export class ServedGateway implements GatewayInterface {
  private served: GraphQLSchema | null = null;
  private api: GraphQLSchema | null = null;

  private readonly extended = new WeakMap<GraphQLSchema, GraphQLSchema>();

  constructor(readonly inner: ApolloGateway) {
    inner.onSchemaLoadOrUpdate(({ apiSchema }) => {
      this.api = apiSchema;
      this.served = this.extend(apiSchema);
    });
  }

  private extend(apiSchema: GraphQLSchema): GraphQLSchema {
    let schema = this.extended.get(apiSchema);
    if (!schema) {
      schema = withSubscriptions(apiSchema);
      this.extended.set(apiSchema, schema);
    }
    return schema;
  }

  /** API schema plus subscriptions. */
  get schema(): GraphQLSchema {
    if (!this.served) throw new Error('The gateway has not loaded its schema yet');
    return this.served;
  }

  /** The supergraph's API schema: what the federated executor can run. */
  get apiSchema(): GraphQLSchema {
    if (!this.api) throw new Error('The gateway has not loaded its schema yet');
    return this.api;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
    return this.inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) =>
      callback({ apiSchema: this.extend(apiSchema), coreSupergraphSdl }),
    );
  }

  async load(options: Parameters<GatewayInterface['load']>[0]) {
    const { executor } = await this.inner.load(options);
    if (!executor) return { executor };
    const served: GatewayExecutor = async (requestContext) => {
      const { operation, document, request, schema } = requestContext;
      if (operation.operation === 'subscription') {
        return {
          errors: [
            new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at this same path', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ],
        };
      }
      if (isIntrospectionOnly(operation.selectionSet, document.definitions)) {
        return execute({ schema, document, operationName: request.operationName, variableValues: request.variables });
      }
      return executor(requestContext);
    };
    return { executor: served };
  }

  stop() {
    return this.inner.stop();
  }
}

/** A query that only asks about the schema (what tools send) is answered from the served schema. */
function isIntrospectionOnly(set: SelectionSetNode, definitions: readonly unknown[]): boolean {
  const fragments = new Map(
    (definitions as FragmentDefinitionNode[]).filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return set.selections.every((s) => {
    if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
    if (s.kind === Kind.INLINE_FRAGMENT) return isIntrospectionOnly(s.selectionSet, definitions);
    const def = fragments.get(s.name.value);
    return !!def && isIntrospectionOnly(def.selectionSet, definitions);
  });
}
