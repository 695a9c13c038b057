import type { Actor } from '@rg/kit';

export const TOO_SLOW_CODE = 4429;
export const TOO_SLOW_REASON = 'Subscriber too slow: resume with after';

export interface Stoppable {
  stop(): void;
}

/**
 * One authenticated graphql-ws connection and its bound: events resolved for it but not yet
 * handed to the socket, across all its subscriptions. A subscriber that lets this pass the
 * bound while events keep coming is closed with 4429; it resumes with `after` (from the last
 * cursor it received), replaying from the log, and nobody else waits for it.
 */
export class SubscriberConnection {
  private pending = 0;
  private closed = false;
  private readonly streams = new Set<Stoppable>();
  private roomWaiters: Array<() => void> = [];

  constructor(
    readonly actor: Actor,
    private readonly limit: number,
    private readonly closeSocket: (code: number, reason: string) => void,
    private readonly onTooSlow: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  add(stream: Stoppable): void {
    this.streams.add(stream);
  }

  remove(stream: Stoppable): void {
    this.streams.delete(stream);
  }

  /** An event waits for the socket. */
  queued(): void {
    this.pending += 1;
    if (this.pending > this.limit && !this.closed) {
      this.onTooSlow();
      this.close(TOO_SLOW_CODE, TOO_SLOW_REASON);
    }
  }

  /** Events left the queue (sent, or dropped with their subscription). */
  taken(count = 1): void {
    this.pending = Math.max(0, this.pending - count);
    if (this.pending <= this.limit / 2 && this.roomWaiters.length > 0) {
      const waiters = this.roomWaiters;
      this.roomWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Replay reads the log at the client's pace: it waits here until half the bound is free. */
  room(): Promise<void> {
    if (this.pending <= this.limit / 2 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams]) s.stop();
    for (const w of this.roomWaiters) w();
    this.roomWaiters = [];
    this.closeSocket(code, reason);
  }
}
