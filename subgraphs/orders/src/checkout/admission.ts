/**
 * How many checkouts one process drives at once. Past that, callers wait their turn in order:
 * a crowd at a hot SKU would otherwise start hundreds of sagas together, each holding stock
 * while it waits for a database connection, until their steps time out and every one of them
 * is undone — nothing sold while the stock sat held. In turn, each finishes quickly.
 */
export class CheckoutAdmission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
