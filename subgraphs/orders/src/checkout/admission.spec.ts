import { CheckoutAdmission } from './admission';

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
