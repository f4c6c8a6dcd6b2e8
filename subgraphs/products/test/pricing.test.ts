import { ServiceCredentials } from '#platform/auth';
import { SalesChannel } from '#platform/graphql';
import { InternalCallError, InternalClient } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { VariantsForPricing, type PricingVariant } from '../src/contract';
import { demoProducts } from '../src/seed/demo-catalog';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { countStatements, startProducts, type ProductsHarness } from '../../../test/support/products';
import { ANONYMOUS, asAdmin, asService, TEST_JWT_SECRET } from '../../../test/support/tokens';
import { dbId } from '../../../test/support/ids';

/**
 * The internal query the orders subgraph prices carts with: what it answers for each SKU or
 * barcode, who may ask, and that one read serves any number of SKUs.
 */
let products: ProductsHarness;
let service: Record<string, string>;
beforeAll(async () => {
  products = await startProducts({ seed: true });
  service = await asService();
});
afterAll(() => products.close());

const demo = (handle: string) => demoProducts.find((p) => p.handle === handle)!;
const allSkus = demoProducts.flatMap((p) => p.variants.map((v) => v.sku));

async function price(variables: Record<string, unknown>): Promise<PricingVariant[]> {
  return (await gqlData(products.url, VariantsForPricing.document, variables, service)).variantsForPricing;
}

async function categoryId(handle: string): Promise<string> {
  // Pricing is an internal command: it answers database ids.
  return dbId((await gqlData(products.url, `query($h: String) { category(handle: $h) { id } }`, { h: handle })).category.id as string);
}

it('answers each known SKU once, in the order asked, with what an order line keeps', async () => {
  const endura = demo('strada-nova-endura-2x11');
  const commute = demo('halcyra-commute-e5');
  const asked = [commute.variants[1].sku, 'NO-SUCH-SKU', endura.variants[0].sku, commute.variants[1].sku];
  const answer = await price({ skus: asked });
  expect(answer.map((v) => v.sku)).toEqual([commute.variants[1].sku, endura.variants[0].sku]);

  const [e5, road] = answer;
  expect(road).toEqual({
    sku: endura.variants[0].sku,
    barcode: endura.variants[0].barcode,
    variantId: expect.any(String),
    variantTitle: endura.variants[0].selectedOptions.map((o) => o.value).join(' / '),
    productId: expect.any(String),
    productTitle: endura.title,
    productHandle: endura.handle,
    productStatus: 'ACTIVE',
    channels: endura.channels,
    sellable: true,
    price: { amount: endura.variants[0].price, currencyCode: 'EUR' },
    compareAtPrice: { amount: endura.variants[0].compareAtPrice, currencyCode: 'EUR' },
    categoryIds: [await categoryId('road-bikes'), await categoryId('bikes')],
    imageUrl: endura.images[0].url,
    taxClass: 'STANDARD',
  });
  // Three levels: the product's own category first, then up to the root.
  expect(e5.categoryIds).toEqual([await categoryId('e-city-bikes'), await categoryId('e-bikes'), await categoryId('bikes')]);
  expect(e5.compareAtPrice).toBeNull();
  const variant = await gqlData(products.url, `query($sku: String) { productVariant(sku: $sku) { id product { id } } }`, {
    sku: e5.sku,
  });
  expect([e5.variantId, e5.productId]).toEqual([dbId(variant.productVariant.id), dbId(variant.productVariant.product.id)]);
});

it('says whether a variant may be sold, on the channel when one is named, and answers every status', async () => {
  const service = demo('workshop-brake-bleed').variants[0].sku; // POS only, REDUCED
  const draft = demo('gritline-expedition-ti').variants[0].sku;
  const web = await price({ skus: [service, draft], channel: 'WEB' });
  expect(web.map((v) => [v.sku, v.productStatus, v.sellable, v.taxClass])).toEqual([
    [service, 'ACTIVE', false, 'REDUCED'],
    [draft, 'DRAFT', false, 'STANDARD'],
  ]);
  expect((await price({ skus: [service], channel: 'POS' }))[0].sellable).toBe(true);
  expect((await price({ skus: [service] }))[0]).toMatchObject({ sellable: true, channels: ['POS'] });
});

it('resolves scanned barcodes in the same read, trimmed, each variant once', async () => {
  const [a, b] = demo('fellwalker-scout-ht').variants;
  const answer = await price({ skus: [a.sku], barcodes: [` ${a.barcode}\n`, b.barcode, '0000000000000'] });
  expect(answer.map((v) => [v.sku, v.barcode])).toEqual([
    [a.sku, a.barcode],
    [b.sku, b.barcode],
  ]);
  expect(await price({ skus: [] })).toEqual([]);
});

it('reads any number of SKUs in one statement', async () => {
  const statements = (skus: string[]) => countStatements(products.server, () => price({ skus, barcodes: ['NOT-A-BARCODE'] }));
  expect(allSkus.length).toBeGreaterThanOrEqual(200);
  const ten = await statements(allSkus.slice(0, 10));
  const hundreds = await statements(allSkus.slice(0, 249));
  expect([ten, hundreds]).toEqual([1, 1]);
  expect((await price({ skus: allSkus.slice(0, 249) })).length).toBe(249);
});

it('refuses callers other than a service, and more than 250 SKUs at once', async () => {
  const variables = { skus: [allSkus[0]] };
  const admin = await gql(products.url, VariantsForPricing.document, variables, await asAdmin());
  expect(admin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const anonymous = await gql(products.url, VariantsForPricing.document, variables, ANONYMOUS);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const tooMany = await gql(
    products.url,
    VariantsForPricing.document,
    { skus: allSkus.slice(0, 200), barcodes: allSkus.slice(0, 51) },
    service,
  );
  expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('answers the command as the orders subgraph sends it, through the platform client', async () => {
  const client = new InternalClient({
    subgraph: 'products',
    url: products.url,
    credentials: new ServiceCredentials('orders', TEST_JWT_SECRET, null),
    logger: createLogger('orders-test', 'silent'),
  });
  const sku = demo('aerolith-ar7-disc').variants[0].sku;
  const result = await client.call({}, VariantsForPricing, { skus: [sku], channel: SalesChannel.WEB });
  expect(result).toEqual({ ok: true, value: [expect.objectContaining({ sku, sellable: true, taxClass: 'STANDARD' })] });
  await expect(client.call({ inTransaction: true }, VariantsForPricing, { skus: [sku] })).rejects.toThrow(InternalCallError);
});
