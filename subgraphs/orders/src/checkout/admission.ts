import { DeadlineExceededError } from '#platform/runtime';
import type { AnswerBy } from './saga';

/** The caller's deadline as admission reads it: the saga's view, and the budget a refusal names. */
export interface AdmissionDeadline extends AnswerBy {
  readonly budgetMs: number;
}

/** A checkout starts only with this much of its caller's time left: what one takes on a busy machine, with room. */
export const START_TIME_MS = 2_000;

/**
 * How many checkouts one process drives at once. Past that, callers wait their turn in order:
 * a crowd at a hot SKU would otherwise start hundreds of sagas together, each holding stock
 * while it waits for a database connection, until their steps time out and every one of them
 * is undone — nothing sold while the stock sat held. In turn, each finishes quickly.
 *
 * With the caller's deadline, a checkout whose turn comes with less than START_TIME_MS left is
 * refused before anything is held, with DEADLINE_EXCEEDED (nothing changed; ask again): started
 * anyway, it would most likely hold stock only to give it back, while the crowd behind it waits.
 */
export class CheckoutAdmission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>, deadline?: AdmissionDeadline): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      if (deadline && deadline.remainingMs() < START_TIME_MS) throw new DeadlineExceededError(deadline.budgetMs);
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
