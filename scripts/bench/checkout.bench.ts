import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults, type LoadResult } from './measure';

const GATEWAY_SECRET = 'bench-gateway-secret-0123456789abcdef';
const COMPLETE = `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
  checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id } userErrors { code } } }`;

/**
 * Whole checkouts through the real gateway: a guest cart with one line, PICKUP at a store, the
 * approving test card. BENCH_CHECKOUT_BUYERS concurrent buyers (default 16) complete
 * BENCH_CHECKOUTS carts (default 200) of a well-stocked SKU; then BENCH_HOT_BUYERS (default 500)
 * race for BENCH_HOT_UNITS (default 50) of one SKU. Each checkout's time includes its cart
 * (create, delivery) so the figures are a shopper's, and the invariants are checked afterwards:
 * as many orders as units, nothing left reserved, no authorization left open.
 */
export async function checkoutBench(databaseUrl: string): Promise<void> {
  const buyers = Number(process.env.BENCH_CHECKOUT_BUYERS ?? 16);
  const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 200);
  const hotBuyers = Number(process.env.BENCH_HOT_BUYERS ?? 500);
  const hotUnits = Number(process.env.BENCH_HOT_UNITS ?? 50);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const system = await startInProcessSystem({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
  try {
    const admin = await benchHeaders(Role.ADMIN);
    const guest = { 'content-type': 'application/json' };
    const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = guest) => {
      const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, any> };
      if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const em = system.servers.inventory.orm.em.fork();
    const [store] = await sql<{ id: string }>(em, `select id from inventory.location where pickup_enabled order by name limit 1`);
    const product = async (sku: string, units: number) => {
      await post(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`,
        { input: { title: `Bench ${sku}`, status: 'ACTIVE', channels: ['WEB'], variants: [{ sku, price: { amount: '10.00' } }] } },
        admin,
      );
      await post(
        `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
        { input: { sku, locationId: store.id, delta: units, reason: 'RECEIVED' } },
        admin,
      );
    };
    await product('BENCH-PLENTY', checkouts + 10);
    await product('BENCH-HOT', hotUnits);
    // A GraphQL error becomes "<the mutation it failed in> <its code>", so the answers group by kind.
    const checkout = (sku: string, i: number): Promise<string | null> =>
      attempt(sku, i).catch((error: Error) => {
        try {
          const [first] = JSON.parse(error.message) as { path?: string[]; extensions?: { code?: string } }[];
          return `${first.path?.[0] ?? 'request'} ${first.extensions?.code ?? 'ERROR'}`;
        } catch {
          return `ERROR ${error.message.slice(0, 120)}`;
        }
      });
    const attempt = async (sku: string, i: number): Promise<string | null> => {
      const created = await post(
        `mutation($sku: String!) { cartCreate(input: { channel: WEB, lines: [{ sku: $sku, quantity: 1 }] }) { cart { id } } }`,
        { sku },
      );
      const cartId = created.cartCreate.cart.id as string;
      const delivered = await post(
        `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { cart { cost { total { amount } } } } }`,
        { id: cartId, handle: `PICKUP:${store.id}` },
      );
      const total = delivered.cartDeliveryUpdate.cart.cost.total.amount as string;
      const done = await post(COMPLETE, {
        cartId,
        key: `bench-${sku}-${i}`,
        input: {
          email: 'bench@example.com',
          payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4242424242424242' }],
        },
      });
      return (done.checkoutComplete.userErrors[0]?.code as string | undefined) ?? null;
    };
    const results: LoadResult[] = [];
    let failed = 0;
    results.push(
      await measure(
        `checkout (cart, line, pickup, test card), ${buyers} buyers`,
        checkouts,
        buyers,
        async (i) => void ((await checkout('BENCH-PLENTY', i)) && failed++),
      ),
    );
    const hotAnswers: (string | null)[] = [];
    results.push(
      await measure(
        `hot SKU: ${hotBuyers} buyers for ${hotUnits} units`,
        hotBuyers,
        hotBuyers,
        async (i) => void hotAnswers.push(await checkout('BENCH-HOT', i)),
      ),
    );
    printResults('checkout through the gateway', results);
    const orders = system.servers.orders.orm.em.fork();
    const [{ n: open }] = await sql<{ n: string }>(
      orders,
      `select count(*) as n from orders.test_card_authorization where state <> 'VOIDED' and amount_minor > captured_minor`,
    );
    const [{ n: reserved }] = await sql<{ n: string }>(
      em,
      `select coalesce(sum(reserved), 0) as n from inventory.inventory_level where sku like 'BENCH-%'`,
    );
    const [{ n: unbalanced }] = await sql<{ n: string }>(
      orders,
      `select count(*) as n from orders."order" o where o.total_minor <> (select coalesce(sum(amount_minor), 0) from orders.payment p where p.order_id = o.id)
          or o.subtotal_minor - o.discount_total_minor + o.shipping_minor <> o.total_minor`,
    );
    const won = hotAnswers.filter((a) => a === null).length;
    const outOfStock = hotAnswers.filter((a) => a === 'OUT_OF_STOCK').length;
    console.log(`\nplenty: ${checkouts - failed} orders, ${failed} refused or failed`);
    const others = new Map<string, number>();
    for (const answer of hotAnswers) if (answer !== null && answer !== 'OUT_OF_STOCK') others.set(answer, (others.get(answer) ?? 0) + 1);
    const otherCodes = [...others].map(([code, n]) => `${n} ${code}`).join(', ');
    console.log(
      `hot SKU: ${won} orders for ${hotUnits} units, ${outOfStock} OUT_OF_STOCK, ${hotBuyers - won - outOfStock} other answers${otherCodes ? ` (${otherCodes})` : ''}`,
    );
    console.log(
      `left over: ${reserved} units reserved, ${open} card authorizations open; orders whose money does not add up: ${unbalanced}`,
    );
  } finally {
    await system.close();
  }
}
