import { createServer } from 'node:net';

/**
 * Ports handed to processes that bind them later (`npm start`'s children, embedded PostgreSQL)
 * come from below the kernel's ephemeral range (32768–60999 on Linux), where every `listen(0)`
 * of the tests running alongside takes its ports: a port chosen here cannot be taken by one of
 * those in the seconds before its process binds it. Each jest worker draws from its own slice,
 * so two workers do not pick the same port either.
 */
const FIRST = 20_000;
const SLICE = 1_500;
const SLICES = 8;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port that was free a moment ago on the loopback interface. */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0) % SLICES;
  const start = FIRST + worker * SLICE;
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = start + Math.floor(Math.random() * SLICE);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${start} and ${start + SLICE}`);
}
