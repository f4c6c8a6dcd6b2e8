/**
 * mulberry32: a tiny, fast generator that is good enough to spread test cases, benchmark
 * baskets and generated demo data; the same seed gives the same sequence, so a failing case can
 * be replayed from its seed and benchmark runs compare like with like. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
