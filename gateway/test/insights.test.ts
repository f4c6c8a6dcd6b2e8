import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { Role } from '#platform/auth';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { createStockedProduct, locationsByName } from '../../test/support/carts';
import { gqlData } from '../../test/support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../../test/support/supergraph';
import { bearer } from '../../test/support/tokens';

/**
 * The insights page: served by the gateway with the pinned Chart.js build from this project (no
 * CDN); in a real browser (Debian's Chromium, skipped where it is not installed) it draws a
 * till sale into the charts and the best sellers.
 */
describe('the insights page as served', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway?.close());

  it('serves the page and the charting library from the project, not a CDN', async () => {
    const base = gateway.url.replace('/graphql', '');
    const page = await fetch(`${base}/insights`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/insights/chart.js"></script>');
    expect(html).not.toMatch(/src="https?:/);
    const script = await fetch(`${base}/insights/chart.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await script.text()).slice(0, 40)).toContain('Chart.js v4.6.1');
  });
});

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(executablePath);
if (!haveBrowser) console.warn(`insights browser test skipped: no Chromium at ${executablePath} (apt-get install chromium)`);

(haveBrowser ? describe : describe.skip)('the insights page in a browser', () => {
  let system: SupergraphHarness;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSupergraph();
    const admin = await bearer(Role.ADMIN);
    const berlin = (await locationsByName(system))['Velocity Cycles Berlin Mitte'].id;
    await createStockedProduct(system, admin, { sku: 'INSIGHTS-PAGE', price: '42.00', stock: { [berlin]: 5 } });
    const { posOrderCreate } = await gqlData(
      system.gateway.url,
      `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) { userErrors { code } } }`,
      {
        input: {
          clientOrderId: randomUUID(),
          deviceId: 'insights-page',
          lines: [{ sku: 'INSIGHTS-PAGE', quantity: 2 }],
          payments: [{ method: 'CARD_EXTERNAL', amount: { amount: '84.00' }, reference: 'T-1' }],
        },
        key: randomUUID(),
      },
      await bearer(Role.STAFF, { locationId: berlin }),
    );
    expect(posOrderCreate.userErrors).toEqual([]);
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it("draws the day's till sale by channel and store, lists it among the best sellers, and shows today's figures", async () => {
    const token = (await bearer(Role.MANAGER)).authorization.replace(/^Bearer /, '');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(system.gateway.url.replace('/graphql', `/insights?token=${token}`));
    await page.locator('#status[data-state="ok"]').waitFor({ timeout: 15_000 });
    await page.locator('#best tr').first().waitFor();
    expect(await page.locator('#best tr').first().locator('td').nth(1).textContent()).toBe('2');
    expect(await page.locator('#today-orders').textContent()).toBe('1');
    const drawn = await page.evaluate(() => {
      const charts = (globalThis as unknown as { Chart: { instances: Record<string, { data: { datasets: { label: string }[] } }> } }).Chart;
      return Object.values(charts.instances).map((c) => c.data.datasets.map((d) => d.label));
    });
    expect(drawn).toEqual([['POS'], ['Velocity Cycles Berlin Mitte']]);
    await page.screenshot({ path: join(tmpdir(), 'insights-page.png'), fullPage: true });
    await page.close();
  });
});
