import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/free-port';
import { gql, gqlData } from '../support/graphql-client';
import { startSystem, type RunningSystem } from '../support/system';
import { subgraphProcess, waitFor } from '../support/processes';

/**
 * The process running orders killed with SIGKILL in the middle of checkouts, as `npm start` runs
 * it: with the other four subgraphs, so inventory and promotions die at the same moment. Each
 * checkout has placed its order and waits there (a test-only hang) when the process dies.
 * `npm start` restarts it, the sweeper takes the checkouts over once their lease lapses and
 * finishes them: every order stands, its stock is committed and its card captured, and a
 * client retrying with its key gets its order.
 */
describe('checkout when the process running orders is killed', () => {
  let dataDir: string;
  let system: RunningSystem;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commerce-kill-'));
    await chmod(dataDir, 0o755);
    system = await startSystem({
      DATA_DIR: dataDir,
      DEMO_ORDER_HISTORY: '0',
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ORDERS_TEST_FAULTS: 'hang:place',
      CHECKOUT_LEASE_MS: '2000',
      CHECKOUT_SWEEP_MS: '500',
    });
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes every checkout whose order was placed, after a restart, exactly once', async () => {
    const url = system.gatewayUrl;
    const adminToken = /admin \([^)]*\):\s+(\S+)/.exec(system.output())?.[1];
    const admin = { authorization: `Bearer ${adminToken}` };
    const stores = await gqlData(url, `{ locations(first: 20) { nodes { id name pickupEnabled } } }`);
    const store = (stores.locations.nodes as { id: string; pickupEnabled: boolean }[]).find((l) => l.pickupEnabled)!.id;
    const created = await gqlData(
      url,
      `mutation { productCreate(input: { title: "Kill Proof Bell", status: ACTIVE, channels: [WEB], variants: [{ sku: "E2E-BELL", price: { amount: "10.00" } }] }) { userErrors { message } } }`,
      {},
      admin,
    );
    expect(created.productCreate.userErrors).toEqual([]);
    await gqlData(
      url,
      `mutation($store: ID!) { inventoryAdjust(input: { sku: "E2E-BELL", locationId: $store, delta: 10, reason: RECEIVED }) { userErrors { code } } }`,
      { store },
      admin,
    );

    const carts: { id: string; key: string; total: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const cart = await gqlData(
        url,
        `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "E2E-BELL", quantity: 1 }] }) { cart { id } userErrors { code } } }`,
      );
      const id = cart.cartCreate.cart.id as string;
      const delivered = await gqlData(
        url,
        `mutation($id: ID!, $h: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $h }) { cart { cost { total { amount } } } userErrors { code } } }`,
        { id, h: `PICKUP:${store}` },
      );
      expect(delivered.cartDeliveryUpdate.userErrors).toEqual([]);
      carts.push({ id, key: randomUUID(), total: delivered.cartDeliveryUpdate.cart.cost.total.amount as string });
    }
    const COMPLETE = `mutation($id: ID!, $input: CheckoutCompleteInput!, $key: String!) {
      checkoutComplete(cartId: $id, input: $input, idempotencyKey: $key) { order { id number financialStatus } userErrors { code } } }`;
    const complete = (cart: (typeof carts)[number]) =>
      gql(url, COMPLETE, {
        id: cart.id,
        key: cart.key,
        input: {
          email: 'kill@example.com',
          payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
        },
      });

    // Every checkout gets as far as its order and waits there; then the process dies.
    const inFlight = carts.map((cart) => complete(cart));
    await waitFor(() => (system.output().match(/test fault: checkout hangs here/g) ?? []).length >= carts.length, 30_000);
    const orders = subgraphProcess('orders', system.ports.ORDERS_PORT);
    process.kill(orders, 'SIGKILL');
    const cut = await Promise.all(inFlight);
    for (const answer of cut) expect(answer.data?.checkoutComplete ?? null).toBeNull();

    await waitFor(() => /subgraphs restarted and ready/.test(system.output()), 60_000);
    // The sweeper settles them once their lease lapses; a retry under the same key answers the order.
    const settled = await poll(async () => {
      const answers = await Promise.all(carts.map((cart) => complete(cart)));
      const statuses = answers.map((a) => a.data?.checkoutComplete?.order?.financialStatus as string | undefined);
      return statuses.every((status) => status === 'PAID') ? answers : null;
    }, 30_000);
    const numbers = settled.map((a) => a.data!.checkoutComplete.order.number as string);
    expect(new Set(numbers).size).toBe(carts.length);

    const level = await gqlData(
      url,
      `query($store: ID!) { inventoryLevels(skus: ["E2E-BELL"], locationIds: [$store], first: 1) { nodes { onHand reserved available } } }`,
      { store },
      admin,
    );
    // Four units are the four orders' (held for pickup or sold), the rest free: nothing twice, nothing lost.
    expect(level.inventoryLevels.nodes[0].available).toBe(10 - carts.length);
    const listed = await gqlData(url, `{ orders(first: 20, query: "kill@example.com") { nodes { number } } }`, {}, admin);
    expect((listed.orders.nodes as { number: string }[]).map((o) => o.number).sort()).toEqual([...numbers].sort());
    for (const cart of carts) {
      const status = await gqlData(url, `query($id: ID!) { cart(id: $id) { status } }`, { id: cart.id });
      expect(status.cart.status).toBe('COMPLETED');
    }
  }, 180_000);
});

async function poll<T>(attempt: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error('timed out polling');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
