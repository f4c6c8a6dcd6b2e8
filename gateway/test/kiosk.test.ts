import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gqlData } from '../../test/support/graphql-client';
import { asAdmin } from '../../test/support/tokens';
import { seedStock, startInventory, type InventoryHarness } from '../../test/support/inventory';

/**
 * The kiosk board in a real browser: Debian's Chromium, driven by playwright-core. Skipped,
 * saying so, where Chromium is not installed (CHROMIUM_PATH, default /usr/bin/chromium).
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(executablePath);
if (!haveBrowser) console.warn(`kiosk browser test skipped: no Chromium at ${executablePath} (apt-get install chromium)`);

(haveBrowser ? describe : describe.skip)('the kiosk board', () => {
  let inv: InventoryHarness;
  let gateway: GatewayHarness;
  let browser: Browser;

  beforeAll(async () => {
    inv = await startInventory();
    await seedStock(inv);
    gateway = await startGateway({ products: inv.products.url, inventory: inv.url }, { live: { databaseUrl: inv.products.db.url } });
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await inv?.close();
  });

  it('shows live availability at the chosen location and updates the number when stock changes', async () => {
    // A small shop-in-shop of its own, so the board's first snapshot is a handful of levels, not the demo store's 261.
    const admin = await asAdmin();
    const { locationCreate } = await gqlData(
      gateway.url,
      `mutation { locationCreate(input: { name: "Velocity Cycles Station Kiosk", type: STORE,
        address: { address1: "Europaplatz 1", city: "Berlin", countryCode: "DE" } }) { location { id } userErrors { code } } }`,
      {},
      admin,
    );
    expect(locationCreate.userErrors).toEqual([]);
    const kiosk = locationCreate.location.id as string;
    const sku = demoSkus()[0];
    for (const stocked of demoSkus().slice(0, 3)) {
      await gqlData(
        gateway.url,
        `mutation($at: ID!) { inventoryAdjust(input: { sku: "${stocked}", locationId: $at, delta: 5, reason: RECEIVED }) { userErrors { code } } }`,
        { at: kiosk },
        admin,
      );
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Bookmarked with the location's raw id, as boards set up before global ids are.
    await page.goto(gateway.url.replace('/graphql', `/kiosk?location=${kiosk.split('/').pop()}`));
    const row = page.locator(`tr[data-sku="${sku}"]`);
    await row.waitFor({ timeout: 30_000 });
    await page.locator('#status[data-state="live"]').waitFor();
    expect(await page.locator('#title').textContent()).toBe('Velocity Cycles Station Kiosk');
    const before = Number(await row.locator('td.qty').textContent());
    expect(await row.locator('td.product').textContent()).not.toBe(sku);

    await gqlData(
      gateway.url,
      `mutation { inventoryAdjust(input: { sku: "${sku}", locationId: "${kiosk}", delta: 7, reason: RECEIVED }) { userErrors { code } } }`,
      {},
      await asAdmin(),
    );
    await page.waitForFunction(
      ([s, expected]) =>
        (globalThis as unknown as { document: { querySelector(q: string): { textContent: string | null } | null } }).document.querySelector(
          `tr[data-sku="${s}"] td.qty`,
        )?.textContent === String(expected),
      [sku, before + 7] as const,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: join(tmpdir(), 'kiosk-board.png') });
    await page.close();
  }, 150_000);
});
