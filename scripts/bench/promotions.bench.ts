import { performance } from 'node:perf_hooks';
import { Role } from '#platform/auth';
import { formatMinorUnits } from '#platform/graphql';
import { createLogger } from '#platform/runtime';
import { Discount, DiscountKind, DiscountScope, DiscountTargetType } from '../../subgraphs/promotions/src/entities';
import { evaluate, type DiscountRule } from '../../subgraphs/promotions/src/evaluation';
import { benchmarkBasket } from '../../subgraphs/promotions/src/evaluation/fixtures';
import { createPromotionsServer } from '../../subgraphs/promotions/src/server';
import { migrateAll } from '../lib/migrate-all';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults } from './measure';

/**
 * Pricing a basket: the discount engine alone (it is pure), a 20-line basket against 200 live
 * discounts, as many evaluations as fit in BENCH_EVALUATION_SECONDS (default 5) over 20
 * baskets; then the same through the promotions subgraph as the orders subgraph will call it
 * (`discountsEvaluate` over HTTP with a service token, the 200 discounts read from PostgreSQL),
 * BENCH_EVALUATION_REQUESTS times (default 2,000) from 8 concurrent callers.
 */
export async function promotionsBench(databaseUrl: string): Promise<void> {
  engineBench();
  await subgraphBench(databaseUrl);
}

function engineBench(): void {
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
  console.log(
    `\npromotions: evaluate a ${sample.input.lines.length}-line basket against ${sample.rules.length} live discounts (one core, in process)`,
  );
  console.log(
    `  ${latencies.length} evaluations in ${elapsed.toFixed(1)}s: ${(latencies.length / elapsed).toFixed(0)}/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );
}

async function subgraphBench(databaseUrl: string): Promise<void> {
  await migrateAll(databaseUrl, () => {});
  const logger = createLogger('bench', 'silent');
  const server = await createPromotionsServer({
    databaseUrl,
    logger,
    currencyCode: 'EUR',
    productsUrl: 'http://127.0.0.1:9/graphql',
    customersUrl: 'http://127.0.0.1:9/graphql',
    jwtSecret: BENCH_JWT_SECRET,
    redemptionSweepMs: 0,
    poolMax: 10,
  });
  try {
    const { rules, input } = benchmarkBasket(1);
    const em = server.orm.em.fork();
    em.persist(rules.map(toDiscount));
    await em.flush();
    const url = `${await server.listen(0)}/graphql`;
    const headers = await benchHeaders(Role.SERVICE);
    const body = JSON.stringify({
      query: `query($input: DiscountEvaluationInput!) { discountsEvaluate(input: $input) { total { amount } applied { discountId } } }`,
      variables: {
        input: {
          lines: input.lines.map((l) => ({
            id: l.id,
            sku: l.sku,
            productId: l.productId,
            categoryIds: l.categoryIds,
            quantity: l.quantity,
            unitPrice: formatMinorUnits(l.unitPriceMinor, 'EUR'),
          })),
          customerId: input.customer.id,
          channel: input.channel,
          codes: input.codes.slice(0, 20), // the API takes at most 20 codes
          shipping: formatMinorUnits(input.shippingMinor, 'EUR'),
        },
      },
    });
    const requests = Number(process.env.BENCH_EVALUATION_REQUESTS ?? 2_000);
    const result = await measure('discountsEvaluate, 20 lines, 200 discounts, 8 clients', requests, 8, async () => {
      const response = await fetch(url, { method: 'POST', headers, body });
      const answer = (await response.json()) as { data?: unknown; errors?: unknown };
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    });
    printResults('promotions subgraph over HTTP', [result]);
  } finally {
    await server.close();
  }
}

/** A rule of the engine's fixtures as a stored discount, live now (the fixtures' dates are fixed). */
function toDiscount(rule: DiscountRule): Discount {
  const v = rule.value;
  return Object.assign(new Discount(), {
    title: rule.title,
    code: rule.code,
    codeKey: rule.code,
    kind: DiscountKind[v.type],
    scope: v.type === 'PERCENTAGE' || v.type === 'FIXED_AMOUNT' ? DiscountScope[v.scope] : null,
    basisPoints: v.type === 'PERCENTAGE' ? v.basisPoints : v.type === 'BUY_X_GET_Y' ? v.getBasisPoints : null,
    amount: v.type === 'FIXED_AMOUNT' ? v.amountMinor : v.type === 'FREE_SHIPPING' ? v.maxAmountMinor : null,
    buyQuantity: v.type === 'BUY_X_GET_Y' ? v.buyQuantity : null,
    getQuantity: v.type === 'BUY_X_GET_Y' ? v.getQuantity : null,
    targetType: DiscountTargetType[rule.target.type],
    productIds: rule.target.productIds,
    categoryIds: rule.target.categoryIds,
    minimumSubtotal: rule.minimumSubtotalMinor,
    minimumQuantity: rule.minimumQuantity,
    currencyCode: 'EUR',
    channels: rule.channels,
    segmentIds: rule.segmentIds,
    usageLimit: rule.usageLimit,
    usageCount: rule.usageCount,
    usageLimitPerCustomer: rule.usageLimitPerCustomer,
    combinesWithProduct: rule.combinesWith.productDiscounts,
    combinesWithOrder: rule.combinesWith.orderDiscounts,
    combinesWithShipping: rule.combinesWith.shippingDiscounts,
  });
}
