import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { MemoryQueryStore } from './memory-query-store';
import { PersistedQueryCache } from './persisted-query-cache';
import type { QueryStore } from './query-store';

const keyOf = (document: string) => `apq:${createHash('sha256').update(document).digest('hex')}`;

/** A logger whose lines the test reads. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** A store that fails every call while `down` is set, counting the calls that reached it. */
class FlakyStore implements QueryStore {
  readonly kind = 'flaky';
  down = true;
  calls = 0;
  private readonly inner = new MemoryQueryStore();
  private async reach<T>(call: () => Promise<T>): Promise<T> {
    this.calls += 1;
    if (this.down) throw new Error('connect ECONNREFUSED');
    return call();
  }
  get = (key: string) => this.reach(() => this.inner.get(key));
  set = (key: string, document: string, ttl: number) => this.reach(() => this.inner.set(key, document, ttl));
  delete = (key: string) => this.reach(() => this.inner.delete(key));
  close = () => this.inner.close();
}

afterEach(() => jest.restoreAllMocks());

const flush = () => new Promise((resolve) => setImmediate(resolve));

it('keeps a document under its hash, never for longer than the configured TTL', async () => {
  const store = new MemoryQueryStore();
  const set = jest.spyOn(store, 'set');
  const cache = new PersistedQueryCache(store, { ttlSeconds: 60, maxDocumentBytes: 1_000, logger: recordingLogger().logger });
  const document = '{ products(first: 1) { nodes { id } } }';
  await cache.set(keyOf(document), document, { ttl: 60 });
  expect(await cache.get(keyOf(document))).toBe(document);
  // Neither forever nor longer than configured, whatever TTL is asked for.
  await cache.set(keyOf('{ a }'), '{ a }', { ttl: null });
  await cache.set(keyOf('{ b }'), '{ b }', { ttl: 10_000_000 });
  expect(set.mock.calls.map(([, , ttl]) => ttl)).toEqual([60, 60, 60]);
});

it('never stores a document longer than the body limit', async () => {
  const cache = new PersistedQueryCache(new MemoryQueryStore(), {
    ttlSeconds: 60,
    maxDocumentBytes: 100,
    logger: recordingLogger().logger,
  });
  const long = `{ products(first: 1) { nodes { id ${'title '.repeat(20)}} } }`;
  await cache.set(keyOf(long), long);
  expect(await cache.get(keyOf(long))).toBeUndefined();
});

it('never asks the store for a key that is not a SHA-256 Apollo could have stored', async () => {
  const store = new FlakyStore();
  store.down = false;
  const cache = new PersistedQueryCache(store, { ttlSeconds: 60, maxDocumentBytes: 1_000, logger: recordingLogger().logger });
  for (const key of ['apq:abc', `apq:${'A'.repeat(64)}`, `apq:${'a'.repeat(64)}x`, 'other:0']) {
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, '{ a }');
  }
  expect(store.calls).toBe(0);
});

it('answers a miss while the store is down, logs the outage once, and uses the store again once it answers', async () => {
  let now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const store = new FlakyStore();
  const { logger, lines } = recordingLogger();
  const cache = new PersistedQueryCache(store, { ttlSeconds: 60, maxDocumentBytes: 1_000, logger, retryAfterMs: 5_000 });
  const key = keyOf('{ a }');
  await expect(cache.set(key, '{ a }')).resolves.toBeUndefined();
  for (let i = 0; i < 5; i++) expect(await cache.get(key)).toBeUndefined();
  // The first failure opened the pause: the others never waited on the store.
  expect(store.calls).toBe(1);
  // Still down when the pause ends: one more try, no second warning.
  now += 5_001;
  expect(await cache.get(key)).toBeUndefined();
  expect(store.calls).toBe(2);
  store.down = false;
  now += 5_001;
  await cache.set(key, '{ a }');
  expect(await cache.get(key)).toBe('{ a }');
  await flush();
  expect(lines.map((line) => [line.level, line.msg])).toEqual([
    [40, expect.stringMatching(/^persisted query store unavailable/)],
    [30, 'persisted query store available again'],
  ]);
});
