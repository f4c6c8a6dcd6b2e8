import { invariantViolations } from './check-invariants';
import { EXACT_SEARCH_LIMIT } from './combine';
import { evaluate } from './evaluate';
import { benchmarkBasket, randomCase, seededRandom } from './fixtures';

const CASES = 300;

describe('evaluate: invariants over random baskets', () => {
  it(`keeps every guarantee on ${CASES} seeded baskets, in both search modes`, () => {
    let greedyCases = 0;
    for (let seed = 1; seed <= CASES; seed += 1) {
      const size = seededRandom(seed * 7919)();
      const { rules, input } = randomCase(seed, {
        lineCount: 1 + Math.floor(size * 8),
        ruleCount: Math.floor(size * 2 * (EXACT_SEARCH_LIMIT + 4)),
        allLive: seed % 3 === 0,
      });
      if (rules.length > EXACT_SEARCH_LIMIT) greedyCases += 1;
      const result = evaluate(rules, input);
      expect({ seed, problems: invariantViolations(rules, input, result) }).toEqual({ seed, problems: [] });

      // The chosen set is never worth less than any one discount alone (exact and greedy alike).
      for (const rule of rules) {
        const alone = evaluate([rule], input).totalDiscountMinor;
        if (alone > result.totalDiscountMinor)
          throw new Error(`seed ${seed}: ${rule.id} alone gives ${alone} > ${result.totalDiscountMinor}`);
      }

      // The order rules arrive in changes nothing.
      expect(evaluate([...rules].reverse(), input)).toEqual(result);
    }
    expect(greedyCases).toBeGreaterThan(20);
  });

  it('builds a deterministic 20-line, 200-discount benchmark basket that evaluates soundly', () => {
    for (const seed of [1, 2, 3]) {
      const { rules, input } = benchmarkBasket(seed);
      expect(input.lines).toHaveLength(20);
      expect(rules).toHaveLength(200);
      expect(new Set(rules.map((rule) => rule.value.type)).size).toBe(4);
      expect(input.codes.length).toBeGreaterThan(10);
      expect(benchmarkBasket(seed)).toEqual({ rules, input });
      const result = evaluate(rules, input);
      expect(invariantViolations(rules, input, result)).toEqual([]);
      expect(result.applied.length).toBeGreaterThan(0);
      expect(result.rejectedCodes.some((r) => r.reason === 'UNKNOWN')).toBe(true);
    }
  });
});
