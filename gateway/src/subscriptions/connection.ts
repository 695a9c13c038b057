import type { Actor } from '@rg/kit';

export const TOO_SLOW_CODE = 4429;
export const TOO_SLOW_REASON = 'Subscriber too slow: resume with after';

export interface Stoppable {
  stop(): void;
}

/**
 * One authenticated graphql-ws connection and its bound: events resolved for it but not yet
 * handed to the socket, across all its subscriptions. A full buffer holds the connection's
 * streams back (a burst is fine); a buffer that stays full for `stallMs` means the client has
 * fallen behind: it is closed with 4429 and resumes with `after` from the last cursor it got,
 * replaying from the log. Nobody else waits for it.
 */
export class SubscriberConnection {
  private pending = 0;
  private closed = false;
  private readonly streams = new Set<Stoppable>();
  private roomWaiters: Array<() => void> = [];

  constructor(
    readonly actor: Actor,
    private readonly limit: number,
    private readonly stallMs: number,
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
  }

  /** Events left the buffer (sent, or dropped with their subscription). */
  taken(count = 1): void {
    this.pending = Math.max(0, this.pending - count);
    if (this.pending < this.limit && this.roomWaiters.length > 0) {
      const waiters = this.roomWaiters;
      this.roomWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Room for one more event: at once, or when the client catches up; false once closed. */
  admit(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.pending < this.limit) return Promise.resolve(true);
    return new Promise((resolve) => {
      const stalled = setTimeout(() => {
        if (this.closed) return;
        this.onTooSlow();
        this.close(TOO_SLOW_CODE, TOO_SLOW_REASON);
      }, this.stallMs);
      this.roomWaiters.push(() => {
        clearTimeout(stalled);
        resolve(!this.closed);
      });
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams]) s.stop();
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
    this.closeSocket(code, reason);
  }
}
