import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './auth/actor';

/** What every log line, audit record and event of one request carries. */
export interface RequestScope {
  correlationId: string;
  actor?: Actor;
  /** The event being handled, when the work was caused by one. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export const runInScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn);
export const currentScope = (): RequestScope | undefined => storage.getStore();
