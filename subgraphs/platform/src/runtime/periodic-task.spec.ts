import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from './logger';
import { startPeriodicTask } from './periodic-task';

const logger = createLogger('periodic-task-spec', 'silent');

describe('startPeriodicTask', () => {
  it('runs one at a time, carries on after a failure, and stop waits for the run in progress', async () => {
    let active = 0;
    let overlapped = false;
    let runs = 0;
    let finished = 0;
    const task = startPeriodicTask('spec', 10, logger, async () => {
      active += 1;
      overlapped ||= active > 1;
      runs += 1;
      await sleep(25); // longer than the interval: runs must queue, not overlap
      active -= 1;
      finished += 1;
      if (runs === 1) throw new Error('first run fails');
      return 1;
    });
    await sleep(120);
    await task.stop();
    expect(overlapped).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(finished).toBe(runs);
    const after = runs;
    await sleep(40);
    expect(runs).toBe(after);
  });

  it('never runs when the interval is zero', async () => {
    let runs = 0;
    const task = startPeriodicTask('spec', 0, logger, async () => ++runs);
    await sleep(30);
    await task.stop();
    expect(runs).toBe(0);
  });
});
