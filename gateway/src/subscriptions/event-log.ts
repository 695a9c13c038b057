import { Client, Pool } from 'pg';
import { EVENT_CHANNEL, rowToEnvelope, type EventEnvelope, type Logger } from '@rg/kit';
import { matchesFilter, type StreamFilter, type StreamKind } from './streams';

/**
 * This gateway's view of the event log. The table is the truth: NOTIFY only says "look again",
 * and a poll looks anyway, so a lost notification delays an event by at most pollMs.
 *
 * The kit appends under a lock that hands out positions in commit order, so reading
 * `position > last read` in one statement never skips a transaction that commits later. Recent
 * events are kept in memory (positions after `floor`, up to `head`), so live subscribers read
 * them without a query; a subscriber further behind reads the table in pages.
 */
export interface LogRead {
  events: EventEnvelope[];
  /** Every matching event up to this position has been returned. */
  through: bigint;
}

export interface EventLogOptions {
  databaseUrl: string;
  /** The event types any stream consumes; others are never loaded. */
  types: readonly string[];
  log: Logger;
  windowSize?: number;
  pollMs?: number;
}

const HEAD_AND_ROWS = `
  WITH head AS (SELECT COALESCE(max(position), 0)::bigint AS log_head FROM events.event_log)
  SELECT head.log_head, e.* FROM head LEFT JOIN LATERAL (
    SELECT * FROM events.event_log l
     WHERE l.position > $1 AND l.type = ANY($2)
       AND ($4::text IS NULL OR l.payload->>'customerId' = $4)
       AND ($5::text IS NULL OR l.payload->>'contractId' = $5)
     ORDER BY l.position LIMIT $3
  ) e ON true
  ORDER BY e.position`;

export class EventLog {
  private head = 0n;
  private floor = 0n;
  private window: EventEnvelope[] = [];
  private waiters = new Set<() => void>();
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;
  private stopped = false;
  private listener: Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private readonly partners = new Map<string, string | null>();
  private readonly windowSize: number;

  private constructor(
    private readonly pool: Pool,
    private readonly opts: EventLogOptions,
  ) {
    this.windowSize = opts.windowSize ?? 5_000;
  }

  static async open(opts: EventLogOptions): Promise<EventLog> {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 6 });
    // An idle connection dropped by the server; 57P01 is the server shutting down, as on every stop.
    pool.on('error', (err: Error & { code?: string }) =>
      err.code === '57P01' ? opts.log.info('event log connection closed by the server') : opts.log.warn({ err: err.message }, 'event log pool error'),
    );
    const tail = new EventLog(pool, opts);
    const [{ head }] = (await pool.query(`SELECT COALESCE(max(position), 0)::text AS head FROM events.event_log`)).rows;
    tail.head = tail.floor = BigInt(head);
    await tail.listen();
    tail.poll = setInterval(() => tail.wake(), opts.pollMs ?? 1000);
    tail.poll.unref();
    return tail;
  }

  get headPosition(): bigint {
    return this.head;
  }

  /** Matching events after `after`, oldest first, at most `limit`. */
  async read(after: bigint, kind: StreamKind, filter: StreamFilter, limit: number): Promise<LogRead> {
    if (after >= this.floor) {
      const events: EventEnvelope[] = [];
      for (let i = this.firstAfter(after); i < this.window.length && events.length < limit; i++) {
        if (matchesFilter(kind, filter, this.window[i])) events.push(this.window[i]);
      }
      const through = events.length === limit ? BigInt(events[events.length - 1].position) : this.head;
      return { events, through: through > after ? through : after };
    }
    const { rows } = await this.pool.query(HEAD_AND_ROWS, [
      after.toString(),
      kind.logTypes,
      limit,
      filter.customerId,
      filter.contractId,
    ]);
    const events = rows.filter((r) => r.position !== null).map(rowToEnvelope);
    const through = events.length === limit ? BigInt(events[events.length - 1].position) : BigInt(rows[0].log_head);
    return { events, through: through > after ? through : after };
  }

  /** Resolves once the head has moved past `position` (or the log is closing). */
  waitBeyond(position: bigint): Promise<void> {
    if (this.head > position || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (this.head > position || this.stopped) {
          this.waiters.delete(done);
          resolve();
        }
      };
      this.waiters.add(done);
    });
  }

  /** The partner that owns a customer, from its CustomerCreated event (ownership does not move). */
  async partnerOf(customerId: string): Promise<string | null> {
    if (this.partners.has(customerId)) return this.partners.get(customerId)!;
    const { rows } = await this.pool.query(
      `SELECT payload->>'partnerId' AS partner FROM events.event_log
        WHERE aggregate_type = 'Customer' AND aggregate_id = $1 AND type = 'CustomerCreated'
        ORDER BY position LIMIT 1`,
      [customerId],
    );
    if (rows.length === 0) return null; // not created yet as far as the log knows: not cached
    const partner = (rows[0].partner as string | null) ?? null;
    if (this.partners.size > 100_000) this.partners.clear();
    this.partners.set(customerId, partner);
    return partner;
  }

  /** Look at the table again (a NOTIFY, the poll, or a reconnect); one read at a time. */
  wake(): void {
    if (this.stopped) return;
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    this.fetching = this.fetchNew()
      .catch((err) => this.opts.log.warn({ err }, 'reading the event log failed'))
      .finally(() => {
        this.fetching = null;
        if (this.fetchAgain) {
          this.fetchAgain = false;
          this.wake();
        }
      });
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    for (const w of [...this.waiters]) w();
    await this.fetching;
    await this.listener?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  private async fetchNew(): Promise<void> {
    const batch = 1000;
    for (;;) {
      const { rows } = await this.pool.query(HEAD_AND_ROWS, [this.head.toString(), this.opts.types, batch, null, null]);
      const events = rows.filter((r) => r.position !== null).map(rowToEnvelope);
      const newHead = events.length === batch ? BigInt(events[events.length - 1].position) : BigInt(rows[0].log_head);
      this.window.push(...events);
      if (this.window.length > this.windowSize) {
        const evicted = this.window.splice(0, this.window.length - this.windowSize);
        this.floor = BigInt(evicted[evicted.length - 1].position);
      }
      if (newHead > this.head) {
        this.head = newHead;
        for (const w of [...this.waiters]) w();
      }
      if (events.length < batch || this.stopped) return;
    }
  }

  private firstAfter(position: bigint): number {
    let lo = 0;
    let hi = this.window.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (BigInt(this.window[mid].position) <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.opts.databaseUrl });
    const retry = () => {
      if (this.stopped || this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => {});
      setTimeout(() => this.listen().catch((err) => this.opts.log.warn({ err }, 'event log LISTEN failed')), 1000).unref();
    };
    client.on('error', (err) => {
      this.opts.log.warn({ err }, 'event log listener lost; reconnecting');
      retry();
    });
    client.on('end', retry);
    client.on('notification', () => this.wake());
    this.listener = client;
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.wake(); // whatever committed while not listening
  }
}
