/** Raised when a request's time is up: the work stops and its transaction rolls back. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  constructor(readonly budgetMs: number) {
    super(`The request did not finish within ${budgetMs} ms; nothing was changed`);
  }
}

/**
 * The moment a request must be answered by. A subgraph's deadline is shorter than the gateway's,
 * so a mutation whose caller was told "failed" has already rolled back: it never commits later.
 */
export class Deadline {
  readonly expiresAt: number;
  #signal: AbortSignal | undefined;

  constructor(readonly budgetMs: number) {
    this.expiresAt = Date.now() + budgetMs;
  }

  /** Aborts when the time is up; made on first use, since an AbortSignal and its timer cost every request that never needs one. */
  get signal(): AbortSignal {
    this.#signal ??= AbortSignal.timeout(Math.max(1, this.expiresAt - Date.now()));
    return this.#signal;
  }

  /** Time left, never negative. */
  remainingMs(): number {
    return Math.max(0, this.expiresAt - Date.now());
  }

  get expired(): boolean {
    return Date.now() >= this.expiresAt;
  }

  /** Throws once the time is up; called before a commit and before each remote call. */
  check(): void {
    if (this.expired) throw new DeadlineExceededError(this.budgetMs);
  }
}
