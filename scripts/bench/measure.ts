import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  requests: number;
  concurrency: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/** Runs `operation` `requests` times from `concurrency` concurrent callers; latencies in ms. */
export function measure(name: string, requests: number, concurrency: number, operation: (i: number) => Promise<void>): Promise<LoadResult> {
  let next = 0;
  return drive(name, concurrency, () => (next < requests ? next++ : null), operation);
}

/** Runs `operation` from `concurrency` concurrent callers for `seconds` (each caller finishes the request it is in). */
export function measureFor(
  name: string,
  seconds: number,
  concurrency: number,
  operation: (i: number) => Promise<void>,
): Promise<LoadResult> {
  let next = 0;
  const until = performance.now() + seconds * 1000;
  return drive(name, concurrency, () => (performance.now() < until ? next++ : null), operation);
}

/** Each caller takes the next request number until `next` answers null. */
async function drive(
  name: string,
  concurrency: number,
  next: () => number | null,
  operation: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next(); i !== null; i = next()) {
        const t = performance.now();
        await operation(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarize(name, latencies, (performance.now() - started) / 1000, concurrency);
}

function summarize(name: string, latencies: number[], elapsedSeconds: number, concurrency: number): LoadResult {
  latencies.sort((a, b) => a - b);
  // A workload of no requests (a bench told to skip it) has no latencies: 0, not a crash.
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const requests = latencies.length;
  return { name, requests, concurrency, perSecond: requests / elapsedSeconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}

export function printResults(title: string, results: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log(`${'workload'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(44)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`,
    );
  }
}
