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
export async function measure(
  name: string,
  requests: number,
  concurrency: number,
  operation: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        await operation(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { name, requests, concurrency, perSecond: requests / elapsed, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
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
