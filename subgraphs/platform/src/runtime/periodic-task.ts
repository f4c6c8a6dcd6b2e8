import type { Logger } from './logger';

export interface PeriodicTask {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `everyMs` (0 or less: never), one run at a time, logging failures instead
 * of stopping: sweepers and pruners that keep a subgraph tidy while it serves. The timer does
 * not keep the process alive.
 */
export function startPeriodicTask(name: string, everyMs: number, logger: Logger, work: () => Promise<number>): PeriodicTask {
  if (everyMs <= 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    // A run slower than the interval makes the next tick skip, not queue up behind it.
    running ??= (async () => {
      try {
        const done = await work();
        if (done) logger.info({ task: name, done }, `${name}: ${done} done`);
      } catch (error) {
        logger.error({ err: error, task: name }, `${name} failed; trying again next time`);
      } finally {
        running = null;
      }
    })();
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
