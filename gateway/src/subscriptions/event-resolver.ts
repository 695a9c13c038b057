import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createLogger, runInScope, type Actor, type EventEnvelope } from '@rg/kit';
import type { GatewayContext } from '../context';
import type { EventQuery } from './event-query';
import type { SubscriptionMetrics } from './metrics';
import { RecentCache } from './recent-cache';
import type { StreamKind } from './streams';

export interface ResolvedEntities {
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[];
}

const NOTHING: ResolvedEntities = { data: null, errors: [] };

/** Subscribers who see exactly the same fields of the same events: same roles, scopes and partner. */
export const accessScopeOf = (actor: Actor): string =>
  [[...actor.roles].sort().join(','), [...actor.scopes].sort().join(','), actor.partnerId ?? ''].join('|');

/**
 * Runs an event's federated query through Apollo Server and the gateway, as the subscriber: the
 * signed hop carries their identity, so subgraphs apply partner scope and field authorization
 * exactly as for their queries. One run per event per group (query + access scope), whatever
 * the number of subscribers in it; concurrent runs are bounded so a burst of events does not
 * flood the subgraphs.
 */
export class EventResolver {
  private readonly results = new RecentCache<Promise<ResolvedEntities>>();
  private running = 0;
  private readonly queued: Array<() => void> = [];
  private readonly log = createLogger('gateway');

  constructor(
    private readonly apollo: ApolloServer<GatewayContext>,
    private readonly metrics: SubscriptionMetrics,
    private readonly concurrency = 16,
  ) {}

  private readonly groups = new Map<string, string>();
  private lastGroup = 0;

  /**
   * A short id for a group of identical subscriptions (query and access scope), or for a finer
   * key: cache keys stay small however long the query.
   */
  idOf(key: string): string {
    let id = this.groups.get(key);
    if (!id) {
      // Ids are never reused, so forgetting old keys cannot mix two groups' results.
      id = `g${++this.lastGroup}`;
      if (this.groups.size > 100_000) this.groups.clear();
      this.groups.set(key, id);
    }
    return id;
  }

  groupOf(query: EventQuery, actor: Actor): string {
    return this.idOf(`${accessScopeOf(actor)}\n${query.key}`);
  }

  /** One event's entities for a group, resolved by the first subscriber that needs them. */
  resolve(group: string, query: EventQuery, actor: Actor, event: EventEnvelope, kind: StreamKind): Promise<ResolvedEntities> {
    if (!query.query) return Promise.resolve(NOTHING);
    const key = `${group}:${event.position}`;
    const result = this.results.getOrCreate(key, () => this.run(query, actor, event, kind));
    result.catch(() => this.results.delete(key));
    return result;
  }

  private async run(query: EventQuery, actor: Actor, event: EventEnvelope, kind: StreamKind): Promise<ResolvedEntities> {
    await this.slot();
    try {
      this.metrics.resolutions.inc({ field: kind.name });
      const correlationId = event.correlationId;
      const response = await runInScope({ correlationId, actor }, () =>
        this.apollo.executeOperation(
          { query: query.query!, variables: query.variablesFor(kind.entitiesOf(event)) },
          { contextValue: { actor, correlationId } },
        ),
      );
      if (response.body.kind !== 'single') return { data: null, errors: [{ message: 'Unexpected incremental response' }] };
      const { data, errors } = response.body.singleResult;
      return { data: (data as Record<string, unknown>) ?? null, errors: errors ?? [] };
    } catch (err) {
      this.log.error({ err, eventId: event.id }, 'resolving a subscription event failed');
      return { data: null, errors: [{ message: 'Could not resolve this event', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    } finally {
      this.release();
    }
  }

  private slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queued.push(resolve));
  }

  private release() {
    const next = this.queued.shift();
    if (next) next();
    else this.running -= 1;
  }
}
