import { CheckoutAdmission, START_TIME_MS } from './admission';

describe('CheckoutAdmission', () => {
  it('runs at most its limit at once and the rest in the order they came, even when work fails', async () => {
    const admission = new CheckoutAdmission(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const work = (i: number) =>
      admission.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        if (i === 1) throw new Error('declined');
        return i;
      });
    const results = [0, 1, 2, 3, 4].map((i) => work(i).catch((error: Error) => error.message));
    // Let the microtasks settle, then finish whatever is running, one at a time.
    for (let done = 0; done < 5; done++) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()!();
    }
    expect(await Promise.all(results)).toEqual([0, 'declined', 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});

describe('CheckoutAdmission with the caller deadline', () => {
  it('refuses at its turn, with nothing run, a checkout left with too little time, and lets the next one go', async () => {
    const admission = new CheckoutAdmission(1);
    let left = 8_000;
    let release = () => {};
    const first = admission.run(() => new Promise<void>((resolve) => (release = resolve)));
    let ran = false;
    const starved = admission.run(async () => void (ran = true), { budgetMs: 8_000, remainingMs: () => left });
    const next = admission.run(async () => 'next', { budgetMs: 8_000, remainingMs: () => START_TIME_MS });
    left = START_TIME_MS - 1;
    release();
    await first;
    await expect(starved).rejects.toMatchObject({ name: 'DeadlineExceededError' });
    expect(ran).toBe(false);
    expect(await next).toBe('next');
  });
});
