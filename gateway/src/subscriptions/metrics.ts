import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What an operator watches: how many streams are open, what they deliver, and how late. */
export function subscriptionMetrics(registry: Registry) {
  return {
    active: new Gauge({
      name: 'graphql_subscriptions_active',
      help: 'Open subscriptions, by root field',
      labelNames: ['field'],
      registers: [registry],
    }),
    connections: new Gauge({
      name: 'graphql_ws_connections_active',
      help: 'Open graphql-ws connections that passed authentication',
      registers: [registry],
    }),
    delivered: new Counter({
      name: 'graphql_subscription_events_delivered_total',
      help: 'Events sent to subscribers, by root field',
      labelNames: ['field'],
      registers: [registry],
    }),
    resolutions: new Counter({
      name: 'graphql_subscription_resolutions_total',
      help: 'Federated queries run to resolve event payloads (one per event per group of identical subscriptions)',
      labelNames: ['field'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'graphql_subscription_delivery_latency_seconds',
      help: 'From the event commit (events.event_log.committed_at) to its send to the subscriber',
      labelNames: ['field'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    slowClosed: new Counter({
      name: 'graphql_subscription_slow_closed_total',
      help: 'Connections closed because their unsent events passed the per-connection bound',
      registers: [registry],
    }),
  };
}
export type SubscriptionMetrics = ReturnType<typeof subscriptionMetrics>;
