import pino, { type Logger } from 'pino';
import { currentScope } from './context';

/** JSON logs; each line carries the correlation id of the request or event it belongs to. */
export function createLogger(service: string): Logger {
  return pino({
    base: { service },
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    mixin() {
      const scope = currentScope();
      return scope ? { correlationId: scope.correlationId, actor: scope.actor?.sub } : {};
    },
  });
}
export type { Logger };
