/**
 * A subscription's source stream with each event mapped to what the subscriber is sent (its
 * execution result), as graphql-js maps it inside `subscribe`, for servers that execute events
 * their own way. An iterator object rather than an async generator: a generator would hold a
 * `return()` until the next event came, and a subscriber who leaves must let go of the source at once.
 */
export function mapStream<T, R>(source: AsyncIterable<T>, map: (event: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<R> = {
    next: async () => {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
