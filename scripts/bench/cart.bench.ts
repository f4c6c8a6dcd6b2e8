import { Role } from '#platform/auth';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults, type LoadResult } from './measure';

const GATEWAY_SECRET = 'bench-gateway-secret-0123456789abcdef';
const READ = `query($id: ID!) { cart(id: $id) { id
  lines(first: 100) { nodes { id sku quantity unitPrice { amount } cost { total { amount } } } }
  cost { subtotal { amount } discountTotal { amount } taxTotal { amount } total { amount } }
  warnings { code lineId } } }`;
const UPDATE = `mutation($id: ID!, $line: ID!, $quantity: Int!) { cartLinesUpdate(cartId: $id, lines: [{ id: $line, quantity: $quantity }]) {
  cart { id cost { total { amount } } warnings { code } } userErrors { code } } }`;

/**
 * Carts through the real gateway on the default pool: first one shopper reading a 20-line guest
 * cart with a code, cost and warnings, one read at a time (the latency goal: p50 under 25 ms);
 * then BENCH_CART_SHOPPERS concurrent shoppers (default 16), each with such a cart, read it
 * (BENCH_CART_READS, default 1,000) and change a quantity, re-priced in the answer
 * (BENCH_CART_UPDATES, default 500). Then where a read's time goes: the same read sent to the
 * orders subgraph directly (no gateway), and each of the three calls it makes, alone.
 */
export async function cartBench(databaseUrl: string): Promise<void> {
  const shoppers = Number(process.env.BENCH_CART_SHOPPERS ?? 16);
  const reads = Number(process.env.BENCH_CART_READS ?? 1_000);
  const updates = Number(process.env.BENCH_CART_UPDATES ?? 500);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const system = await startInProcessSystem({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
  try {
    const errors: string[] = [];
    const post = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
      if (body.errors?.length || !body.data) errors.push(JSON.stringify(body.errors));
      return body.data ?? {};
    };
    const guest = { 'content-type': 'application/json' };
    const skus = demoSkus();
    const carts: { id: string; lineIds: string[] }[] = [];
    for (let s = 0; s < shoppers; s += 1) {
      const lines = Array.from({ length: 20 }, (_, i) => ({ sku: skus[(s * 20 + i) % skus.length], quantity: 1 + (i % 3) }));
      const data = (await post(
        system.gatewayUrl,
        `mutation($input: CartCreateInput!) { cartCreate(input: $input) { cart { id lines(first: 250) { nodes { id } } } userErrors { code } } }`,
        { input: { channel: 'WEB', lines, discountCodes: ['RIDE10'], buyerIdentity: { countryCode: 'DE' } } },
        guest,
      )) as { cartCreate: { cart: { id: string; lines: { nodes: { id: string }[] } } } };
      carts.push({ id: data.cartCreate.cart.id, lineIds: data.cartCreate.cart.lines.nodes.map((l) => l.id) });
    }
    for (const cart of carts) await post(system.gatewayUrl, READ, { id: cart.id }, guest); // warm up
    const results: LoadResult[] = [];
    // The goal (p50 under 25 ms) is a read's latency: one shopper at a time. With many at once, the
    // figure is throughput bound, as everything shares this process's one core.
    results.push(
      await measure('cart read, 20 lines, 1 shopper', Math.min(reads, 500), 1, () =>
        post(system.gatewayUrl, READ, { id: carts[0].id }, guest).then(() => undefined),
      ),
    );
    results.push(
      await measure(`cart read, 20 lines, ${shoppers} shoppers`, reads, shoppers, (i) =>
        post(system.gatewayUrl, READ, { id: carts[i % shoppers].id }, guest).then(() => undefined),
      ),
    );
    results.push(
      await measure(`cartLinesUpdate + re-price, ${shoppers} shoppers`, updates, shoppers, (i) => {
        const cart = carts[i % shoppers];
        return post(system.gatewayUrl, UPDATE, { id: cart.id, line: cart.lineIds[i % 20], quantity: 1 + (i % 5) }, guest).then(
          () => undefined,
        );
      }),
    );
    printResults('Carts through the gateway, default pool', results);

    // Where a read's time goes: the orders subgraph alone, then each call it makes, alone.
    const direct = { ...guest, 'x-gateway-secret': GATEWAY_SECRET };
    const service = { ...(await benchHeaders(Role.SERVICE)), 'x-gateway-secret': GATEWAY_SECRET };
    const twenty = skus.slice(0, 20);
    const parts: LoadResult[] = [];
    parts.push(
      await measure('orders subgraph: cart read (no gateway)', reads, shoppers, (i) =>
        post(system.urls.orders, READ, { id: carts[i % shoppers].id }, direct).then(() => undefined),
      ),
    );
    parts.push(
      await measure('products: variantsForPricing, 20 SKUs', reads, shoppers, () =>
        post(
          system.urls.products,
          `query($skus: [String!]!) { variantsForPricing(skus: $skus, channel: WEB) { sku price { amount } } }`,
          { skus: twenty },
          service,
        ).then(() => undefined),
      ),
    );
    parts.push(
      await measure('inventory: stockAvailability, 20 SKUs', reads, shoppers, () =>
        post(
          system.urls.inventory,
          `query($skus: [String!]!) { stockAvailability(skus: $skus) { levels { sku available } locations { id } } }`,
          { skus: twenty },
          service,
        ).then(() => undefined),
      ),
    );
    parts.push(
      await measure('promotions: discountsEvaluate, 20 lines', reads, shoppers, () =>
        post(
          system.urls.promotions,
          `query($input: DiscountEvaluationInput!) { discountsEvaluate(input: $input) { total { amount } } }`,
          {
            input: {
              channel: 'WEB',
              codes: ['RIDE10'],
              lines: twenty.map((sku, i) => ({
                id: String(i),
                sku,
                productId: '00000000-0000-4000-8000-000000000000',
                quantity: 1,
                unitPrice: '49.90',
              })),
            },
          },
          service,
        ).then(() => undefined),
      ),
    );
    printResults('Where a cart read spends its time (each alone, same concurrency)', parts);
    console.log(`errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
  } finally {
    await system.close();
  }
}
