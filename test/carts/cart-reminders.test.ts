import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '#platform/auth';
import { withAdminClient } from '#platform/db';
import { readMailbox } from '#platform/mail';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createOrdersServer } from '../../subgraphs/orders/src/server';
import { createStockedProduct, locationsByName, PAYLOAD } from '../support/carts';
import { gqlData } from '../support/graphql-client';
import { dbId } from '../support/ids';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, TEST_JWT_SECRET } from '../support/tokens';

/**
 * The periodic abandoned-cart reminder (CART_RECOVERY_SWEEP_MS) on three orders replicas
 * sweeping the same database side by side: the shopper is mailed once, and the abandonment is
 * announced once.
 */
let system: SupergraphHarness;
const replicas: { server: SubgraphServer; mail: string }[] = [];

beforeAll(async () => {
  system = await startSupergraph();
  const stores = await locationsByName(system);
  await createStockedProduct(system, await bearer(Role.ADMIN), {
    sku: 'REMIND-A',
    price: '30.00',
    stock: { [stores['Velocity Cycles Berlin Mitte'].id]: 5 },
  });
  for (let i = 0; i < 3; i++) {
    const mail = await mkdtemp(join(tmpdir(), `reminders-${i}-`));
    const server = await createOrdersServer({
      databaseUrl: system.db.url,
      jwtSecret: TEST_JWT_SECRET,
      gatewaySecret: system.gatewaySecret,
      logger: createLogger('reminders', 'silent'),
      maintenanceMs: 0,
      currencyCode: 'EUR',
      productsUrl: system.urls.products,
      inventoryUrl: system.urls.inventory,
      promotionsUrl: system.urls.promotions,
      mailDirectory: mail,
      checkoutSweepMs: 0,
      cartRecoverySweepMs: 50,
      cartAbandonedAfterMinutes: 60,
    });
    await server.listen(0);
    replicas.push({ server, mail });
  }
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map(async ({ server, mail }) => Promise.all([server.close(), rm(mail, { recursive: true, force: true })])));
  await system?.close();
});

it('mails an abandoned cart once and announces it once, however many replicas sweep', async () => {
  const { cartCreate } = await gqlData(
    system.gateway.url,
    `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "REMIND-A", quantity: 1 }], buyerIdentity: { email: "remind.me@example.com" } }) { ${PAYLOAD} } }`,
    {},
    ANONYMOUS,
  );
  const cartId = dbId(cartCreate.cart.id as string);
  await withAdminClient(system.db.url, (client) =>
    client.query(`update orders.cart set updated_at = now() - interval '2 hours' where id = $1`, [cartId]),
  );
  const mails = async () => (await Promise.all(replicas.map(({ mail }) => readMailbox(mail)))).flat();
  const deadline = Date.now() + 15_000;
  while ((await mails()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  // Give every replica a few more sweeps in which it could mail again.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sent = await mails();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ to: 'remind.me@example.com', subject: 'Your cart is waiting for you' });
  const events = await withAdminClient(system.db.url, (client) =>
    client.query(`select count(*)::int as n from orders.outbox_event where topic = 'cart.abandoned' and key = $1`, [cartId]),
  );
  expect(events.rows[0].n).toBe(1);
});
