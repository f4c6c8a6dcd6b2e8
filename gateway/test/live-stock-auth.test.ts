import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { seedStock, startInventory, type InventoryHarness } from '../../test/support/inventory';
import { subscribeLive } from '../../test/support/live';
import { dbId } from '../../test/support/ids';

const SECRET = 'test-secret-of-at-least-thirty-two-bytes!';
let inv: InventoryHarness;
let gateway: GatewayHarness;
let loc: Record<string, string>;
const sku = demoSkus()[60];

beforeAll(async () => {
  inv = await startInventory({ jwtSecret: SECRET });
  loc = await seedStock(inv);
  gateway = await startGateway(
    { products: inv.products.url, inventory: inv.url },
    { jwtSecret: SECRET, live: { databaseUrl: inv.products.db.url } },
  );
});
afterAll(async () => {
  await gateway?.close();
  await inv?.close();
});

const token = (claims: Record<string, unknown>, expiresIn = '1h') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('kiosk-1')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(SECRET));

const STOCK = `subscription($locationIds: [ID!]) { stockChanged(skus: ["${sku}"], locationIds: $locationIds) { kind location { id } } }`;

it('lets anonymous callers watch any location', async () => {
  const sub = subscribeLive<{ location: { id: string } }>(gateway.wsUrl, STOCK, {});
  try {
    const items = await sub.waitFor((received) => received.length === 4);
    expect(new Set(items.map((i) => i.location.id)).size).toBe(4);
  } finally {
    await sub.dispose();
  }
});

it('scopes a kiosk token to its own location', async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const authorization = `Bearer ${await token({ role: 'KIOSK', locationId: berlin })}`;
  const own = subscribeLive<{ location: { id: string } }>(gateway.wsUrl, STOCK, {}, { authorization });
  const other = subscribeLive(gateway.wsUrl, STOCK, { locationIds: [loc['Velocity Cycles Hamburg Altona']] }, { authorization });
  try {
    const items = await own.waitFor((received) => received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(own.items.map((i) => dbId(i.location.id))).toEqual([berlin]);
    expect(items).toHaveLength(1);
    await other.waitFor(() => other.errors.length > 0);
    expect(JSON.stringify(other.errors)).toMatch(/own location/);
    expect(other.items).toEqual([]);
  } finally {
    await own.dispose();
    await other.dispose();
  }
});

it.each([
  ['an expired token', async () => token({ role: 'KIOSK', locationId: 'x' }, '-1m')],
  [
    'a token signed with another secret',
    async () =>
      new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode('another-secret-another-secret-another!')),
  ],
  ['a token with an unknown role', async () => token({ role: 'OVERLORD' })],
])('closes the connection with 4403 for %s', async (_label, make) => {
  const sub = subscribeLive(gateway.wsUrl, STOCK, {}, { authorization: `Bearer ${await make()}` });
  try {
    expect(await sub.closeCode()).toBe(4403);
  } finally {
    await sub.dispose();
  }
});

it('drops a peer that stops answering pings (a half-open socket)', async () => {
  const g = await startGateway(
    { products: inv.products.url, inventory: inv.url },
    { live: { databaseUrl: inv.products.db.url, keepAliveMs: 200 } },
  );
  try {
    const socket = new WebSocket(g.wsUrl, 'graphql-transport-ws', { autoPong: false });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Date.now() - started).toBeLessThan(3_000);
    for (let i = 0; i < 50 && g.server.live!.clients() > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(g.server.live!.clients()).toBe(0);
  } finally {
    await g.close();
  }
});

it('closes a subscription with 4403 when its token expires', async () => {
  const started = Date.now();
  const sub = subscribeLive(gateway.wsUrl, STOCK, {}, { authorization: `Bearer ${await token({ role: 'STAFF' }, '3s')}` });
  try {
    await sub.waitFor((items) => items.length >= 1);
    expect(await sub.closeCode()).toBe(4403);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  } finally {
    await sub.dispose();
  }
});

it('closes a socket that sends a message over the body limit (1009), without buffering it, and keeps serving others', async () => {
  const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
  await new Promise((resolve) => socket.once('open', resolve));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  // A subscribe message as large as a 300 KB document: over the gateway's 256 KB, as an HTTP body would be (413).
  socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: `subscription { ${'x'.repeat(300_000)} }` } }));
  expect(await closed).toBe(1009);

  const sub = subscribeLive<{ location: { id: string } }>(gateway.wsUrl, STOCK, {});
  try {
    expect(await sub.waitFor((received) => received.length === 4)).toHaveLength(4);
  } finally {
    await sub.dispose();
  }
});
