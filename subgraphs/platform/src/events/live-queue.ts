import { GraphQLError } from 'graphql';

/** How much one subscriber's queue may hold. */
export interface StreamLimits {
  /** Above this many queued items, a new item replaces the queued one with its key (latest wins). */
  coalesceAbove: number;
  /** Above this many queued items even after coalescing, the subscriber is too slow and is ended. */
  maxQueued: number;
}

/**
 * One subscriber's live items, read as an async iterator: an item goes straight to a waiting
 * reader, else into the queue. Past `coalesceAbove` queued items a new one replaces the queued
 * item with the same key, so a slow reader gets the latest state rather than every step; past
 * `maxQueued` even so, the stream ends with TOO_SLOW and the subscriber resumes with `since`.
 * Live streams extend it with how they read their starting state and the bus.
 */
export abstract class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Set once the stream ends (returned, failed); nothing is queued after. */
  protected done = false;

  constructor(
    /** What a newer item replaces an older one by when coalescing. */
    private readonly keyOf: (item: T) => string,
    private readonly limits: StreamLimits,
    private readonly onEnd: () => void,
  ) {}

  /** Hands `item` to the reader or queues it, coalescing or ending the stream when the reader falls behind. */
  protected push(item: T): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.queue.length >= this.limits.coalesceAbove) {
      const key = this.keyOf(item);
      const index = this.queue.findIndex((queued) => this.keyOf(queued) === key);
      if (index >= 0) {
        this.queue[index] = item;
        return;
      }
      if (this.queue.length >= this.limits.maxQueued) {
        this.fail(
          new GraphQLError('This subscriber reads too slowly to keep up; resubscribe with since to resume', {
            extensions: { code: 'TOO_SLOW' },
          }),
        );
        return;
      }
    }
    this.queue.push(item);
  }

  get queued(): number {
    return this.queue.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the stream with an error the subscriber receives. */
  protected fail(error: Error): void {
    this.queue.length = 0;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    } else {
      this.failure = error;
    }
    this.end();
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.onEnd();
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }
}
