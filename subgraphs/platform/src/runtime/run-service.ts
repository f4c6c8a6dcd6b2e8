import { ConfigError } from '../config/config';
import type { Logger } from './logger';

export interface RunningService {
  logger: Logger;
  close(): Promise<void>;
}

/** How long a stop may take (finishing requests, closing connections) before the process exits anyway. */
const STOP_WITHIN_MS = 10_000;

/**
 * Starts a process's service and stops it cleanly on SIGINT or SIGTERM: requests in flight
 * finish, connections close, then the process exits. A signal that arrives while the service is
 * still starting (the five subgraphs of `npm start` take a few seconds) is kept: the service
 * stops as soon as it is up, or the process exits after STOP_WITHIN_MS if it never gets there.
 * A bad configuration exits with code 2 and the message alone, no stack trace.
 */
export function runService(name: string, start: () => Promise<RunningService>): void {
  let service: RunningService | null = null;
  let signalled: NodeJS.Signals | null = null;
  let deadline: NodeJS.Timeout | undefined;
  const giveUpAfter = (what: string) => {
    clearTimeout(deadline);
    deadline = setTimeout(() => {
      console.error(`${name} did not ${what} within ${STOP_WITHIN_MS / 1000}s; exiting`);
      process.exit(1);
    }, STOP_WITHIN_MS);
    deadline.unref();
  };
  const stop = (running: RunningService, signal: NodeJS.Signals) => {
    running.logger.info({ signal }, `${name} stopping`);
    giveUpAfter('stop');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, `${name} failed to stop cleanly`);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = signal;
    if (service) stop(service, signal);
    else giveUpAfter('finish starting and stop');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  start().then(
    (started) => {
      service = started;
      if (signalled) stop(started, signalled);
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
