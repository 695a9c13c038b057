import { defaultFieldResolver, extendSchema, GraphQLSchema, parse, type GraphQLFieldResolver } from 'graphql';
import { payloadFieldResolver, type EventSource } from './payload';

/**
 * The subscription part of the public contract. Subgraphs cannot serve subscriptions, so these
 * types are not in the supergraph: the gateway adds them to the API schema it serves.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  """
  A change to a contract, from the event log. type is the amendment kind (QUANTITY_CHANGE,
  ADD_PRODUCT, REMOVE_PRODUCT, CANCELLATION) or ACTIVATION for a new contract.
  """
  type AmendmentEvent {
    "Opaque; pass it as after to resume the stream right after this event."
    cursor: String!
    type: String!
    occurredAt: DateTime!
    correlationId: String!
    "The contract as it stood at the version this event produced."
    contract: Contract!
    "Null for ACTIVATION."
    amendment: Amendment
  }

  """
  A payment outcome, from the event log. type is the payment status: SETTLED or FAILED.
  """
  type PaymentEvent {
    "Opaque; pass it as after to resume the stream right after this event."
    cursor: String!
    type: String!
    occurredAt: DateTime!
    correlationId: String!
    payment: Payment!
    customer: Customer!
    invoice: Invoice
  }

  """
  Served by the gateway over graphql-ws (same path as queries). Each event's entity fields are
  resolved through the federated graph with the subscriber's identity. Without after, the stream
  starts at the present; with after, every matching event after that cursor is replayed in order
  and the stream continues live.
  """
  type Subscription {
    amendmentEvents(customerId: ID, contractId: ID, after: String): AmendmentEvent!
    paymentEvents(customerId: ID, after: String): PaymentEvent!
  }

  extend schema {
    subscription: Subscription
  }
`;

export const EVENT_TYPE_NAMES = ['AmendmentEvent', 'PaymentEvent'] as const;
export const ENVELOPE_FIELDS = new Set(['cursor', 'type', 'occurredAt', 'correlationId', '__typename']);

const eventSource: GraphQLFieldResolver<EventSource, unknown> = (source) => source;

/** The gateway's API schema plus the subscription types, with the resolvers that shape events. */
export function withSubscriptions(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
  const subscription = schema.getSubscriptionType()!;
  for (const field of Object.values(subscription.getFields())) field.resolve = eventSource;
  for (const name of EVENT_TYPE_NAMES) {
    const type = schema.getType(name) as import('graphql').GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      field.resolve = ENVELOPE_FIELDS.has(field.name) ? defaultFieldResolver : payloadFieldResolver;
    }
  }
  return schema;
}
