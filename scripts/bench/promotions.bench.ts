import { performance } from 'node:perf_hooks';
import { evaluate } from '../../subgraphs/promotions/src/evaluation';
import { benchmarkBasket } from '../../subgraphs/promotions/src/evaluation/fixtures';

/**
 * The discount engine alone (it is pure): a 20-line basket against 200 live discounts, as
 * many evaluations as fit in BENCH_EVALUATION_SECONDS (default 5), over 20 different baskets.
 */
export async function promotionsBench(): Promise<void> {
  const cases = Array.from({ length: 20 }, (_, seed) => benchmarkBasket(seed + 1));
  for (const c of cases) evaluate(c.rules, c.input); // warm up
  const seconds = Number(process.env.BENCH_EVALUATION_SECONDS ?? 5);
  const latencies: number[] = [];
  const started = performance.now();
  let i = 0;
  while (performance.now() - started < seconds * 1000) {
    const c = cases[i++ % cases.length];
    const t = performance.now();
    evaluate(c.rules, c.input);
    latencies.push(performance.now() - t);
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(3);
  const sample = cases[0];
  console.log(`\npromotions: evaluate a ${sample.input.lines.length}-line basket against ${sample.rules.length} live discounts (one core, in process)`);
  console.log(`  ${latencies.length} evaluations in ${elapsed.toFixed(1)}s: ${(latencies.length / elapsed).toFixed(0)}/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
}
