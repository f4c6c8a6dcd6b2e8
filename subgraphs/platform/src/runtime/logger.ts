import pino, { type Logger } from 'pino';

export type { Logger };

/** One structured JSON logger per process, named after it. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name } });
}
