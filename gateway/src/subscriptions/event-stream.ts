import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { isPartnerScoped, type EventEnvelope } from '@rg/kit';
import type { SubscriberConnection } from './connection';
import { encodeCursor } from './cursor';
import type { EventLog } from './event-log';
import type { EventQuery } from './event-query';
import type { EventResolver } from './event-resolver';
import type { SubscriptionMetrics } from './metrics';
import { shapeEvent, type ClientOperation } from './payload';
import type { RecentCache } from './recent-cache';
import type { StreamFilter, StreamKind } from './streams';

export interface StreamDeps {
  log: EventLog;
  resolver: EventResolver;
  shapes: RecentCache<ExecutionResult>;
  schema: () => GraphQLSchema;
  metrics: SubscriptionMetrics;
}

export interface StreamSpec {
  kind: StreamKind;
  filter: StreamFilter;
  query: EventQuery;
  operation: ClientOperation;
  /** Identifies the client's document and variables: equal ones share shaped results. */
  operationKey: string;
  /** The log position to continue after. */
  start: bigint;
}

/** When each result's event committed, read when the result is sent (delivery latency). */
export const commitTimes = new WeakMap<object, { committedAt: number; field: string }>();

const PAGE = 100;

/**
 * One subscription: walks the log from its start position in position order (a single source,
 * so replay turns into live with no gap and no duplicate), keeps the events that match its
 * arguments and its subscriber's partner scope, resolves them (shared with its group) and queues
 * the results for graphql-ws, which takes them as fast as the socket accepts.
 */
export class EventStream implements AsyncGenerator<ExecutionResult> {
  private queue: ExecutionResult[] = [];
  private waiting: { resolve: (r: IteratorResult<ExecutionResult>) => void; reject: (e: unknown) => void } | null = null;
  private done = false;
  private failure: unknown = null;
  private readonly group: string;
  private readonly shapeGroup: string;

  constructor(
    private readonly deps: StreamDeps,
    private readonly spec: StreamSpec,
    private readonly connection: SubscriberConnection,
  ) {
    this.group = deps.resolver.groupOf(spec.query, connection.actor);
    this.shapeGroup = deps.resolver.idOf(`${this.group}\n${spec.operationKey}`);
    connection.add(this);
    deps.metrics.active.inc({ field: spec.kind.name });
    this.walk().catch((err) => this.fail(err));
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async [Symbol.asyncDispose]() {
    this.stop();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.queue.shift();
    if (value) {
      this.connection.taken();
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.stop();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ value: undefined, done: true });
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.stop();
    throw err;
  }

  /**
   * Stops reading the log. A pending next() stays pending: when the connection is being closed,
   * graphql-ws ends it through return() once the socket is gone, so the client sees the close
   * reason rather than a normal completion.
   */
  stop(): void {
    if (this.done) return;
    this.done = true;
    this.connection.taken(this.queue.length);
    this.connection.remove(this);
    this.queue = [];
    this.deps.metrics.active.dec({ field: this.spec.kind.name });
  }

  private fail(err: unknown) {
    if (this.done) return;
    this.failure = err;
    const waiting = this.waiting;
    this.waiting = null;
    this.stop();
    waiting?.reject(err);
  }

  private push(result: ExecutionResult) {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: result, done: false });
      return;
    }
    this.queue.push(result);
    this.connection.queued();
  }

  private async walk(): Promise<void> {
    const { log } = this.deps;
    const { kind, filter } = this.spec;
    let position = this.spec.start;
    while (!this.done) {
      const page = await log.read(position, kind, filter, PAGE);
      if (this.done) return;
      const results = page.events.map((event) => this.resolve(event));
      for (const r of results) r.catch(() => {});
      for (const r of results) {
        const result = await r;
        if (this.done) return;
        if (!result) continue;
        // The log is the buffer: a stream reads on only as fast as its client takes events.
        if (!(await this.connection.admit()) || this.done) return;
        this.push(result);
      }
      position = page.through;
      if (page.events.length < PAGE) await log.waitBeyond(position);
    }
  }

  private async resolve(event: EventEnvelope): Promise<ExecutionResult | null> {
    const { kind, query } = this.spec;
    const { actor } = this.connection;
    if (isPartnerScoped(actor)) {
      const customerId = kind.customerOf(event);
      if (!customerId || (await this.deps.log.partnerOf(customerId)) !== actor.partnerId) return null;
    }
    const resolved = await this.deps.resolver.resolve(this.group, query, actor, event, kind);
    return this.deps.shapes.getOrCreate(`${this.shapeGroup}:${event.position}`, () => {
      const result = shapeEvent(this.deps.schema(), this.spec.operation, {
        cursor: encodeCursor(event.position),
        type: kind.typeOf(event),
        occurredAt: event.occurredAt,
        correlationId: event.correlationId,
        ...resolved,
      });
      commitTimes.set(result, { committedAt: Date.parse(event.committedAt), field: kind.name });
      return result;
    });
  }
}
