import { ConfigError } from '../config/config';
import type { Logger } from './logger';

export interface RunningService {
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Starts a process's service and stops it cleanly on SIGINT or SIGTERM: requests in flight
 * finish, connections close, then the process exits. A bad configuration exits with code 2
 * and the message alone, no stack trace.
 */
export function runService(name: string, start: () => Promise<RunningService>): void {
  start().then(
    (service) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        service.logger.info({ signal }, `${name} stopping`);
        const timer = setTimeout(() => {
          service.logger.error(`${name} did not stop within 10s; exiting`);
          process.exit(1);
        }, 10_000);
        timer.unref();
        service.close().then(
          () => process.exit(0),
          (error: unknown) => {
            service.logger.error({ err: error }, `${name} failed to stop cleanly`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      if (error instanceof ConfigError || (error instanceof Error && error.message.startsWith('Invalid configuration'))) {
        console.error(`${name}: ${error.message}`);
        process.exit(2);
      }
      console.error(`${name} failed to start:`, error);
      process.exit(1);
    },
  );
}
