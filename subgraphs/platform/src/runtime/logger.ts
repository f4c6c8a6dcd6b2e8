import pino, { type Logger } from 'pino';
import { currentRequestId } from './request-id';

export type { Logger };

/** One structured JSON logger per process, named after it; a line written while serving a request carries its id. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
}
