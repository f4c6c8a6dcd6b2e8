import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SalesChannel, type CurrencyCode } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { ProductStatus } from '../entities';

const NOUNS = [
  'Bike',
  'Helmet',
  'Jersey',
  'Light',
  'Lock',
  'Pump',
  'Saddle',
  'Tyre',
  'Wheel',
  'Bag',
  'Bottle',
  'Glove',
  'Chain',
  'Pedal',
  'Grip',
];
const ADJECTIVES = [
  'Aero',
  'Trail',
  'City',
  'Gravel',
  'Race',
  'Tour',
  'Urban',
  'Alpine',
  'Carbon',
  'Steel',
  'Light',
  'Rapid',
  'Classic',
  'Pro',
];
const VENDORS = ['Velocity', 'Northwind Cycles', 'Kestrel Works', 'Ridgeline', 'Urban Spoke'];
const SIZES = ['S', 'M', 'L', 'XL'];
const CHANNEL_SETS: SalesChannel[][] = [
  [SalesChannel.WEB, SalesChannel.APP, SalesChannel.POS, SalesChannel.KIOSK],
  [SalesChannel.WEB, SalesChannel.APP, SalesChannel.MARKETPLACE],
  [SalesChannel.POS, SalesChannel.KIOSK],
];

/** Products per INSERT batch: 1,000 products and their variants stay under PostgreSQL's 65,535 bind parameters. */
const BATCH = 1_000;

/**
 * Generates `count` synthetic products (1 to 4 variants each) for load and scale testing, in
 * batches of multi-row INSERTs, one transaction per batch. Deterministic for a given `runId`,
 * and namespaced by it, so it can run again on a catalog that already holds products.
 */
export async function generateCatalog(
  em: EntityManager,
  count: number,
  options: { currency: CurrencyCode; runId?: string; onProgress?: (done: number) => void },
): Promise<{ products: number; variants: number }> {
  const runId = options.runId ?? randomUUID().slice(0, 8);
  const knex = em.getKnex();
  let variants = 0;
  for (let start = 0; start < count; start += BATCH) {
    const productRows: Record<string, unknown>[] = [];
    const variantRows: Record<string, unknown>[] = [];
    const now = new Date();
    for (let i = start; i < Math.min(count, start + BATCH); i += 1) {
      const id = randomUUID();
      const title = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${i + 1}`;
      const vendor = VENDORS[i % VENDORS.length];
      const sizes = SIZES.slice(0, 1 + (i % SIZES.length));
      const base = 500 + ((i * 7919) % 200_000);
      const skus = sizes.map((size) => `GEN-${runId}-${i + 1}-${size}`.toUpperCase());
      productRows.push({
        id,
        handle: `gen-${runId}-${i + 1}`,
        title,
        description: `${title} by ${vendor}. Generated for scale testing.`,
        vendor,
        product_type: NOUNS[i % NOUNS.length],
        tags: ['generated', ADJECTIVES[i % ADJECTIVES.length].toLowerCase()],
        category_id: null,
        status: i % 20 === 0 ? ProductStatus.DRAFT : ProductStatus.ACTIVE,
        channels: CHANNEL_SETS[i % CHANNEL_SETS.length],
        options: JSON.stringify([{ name: 'Size', values: sizes }]),
        images: JSON.stringify([]),
        min_price_amount: base,
        max_price_amount: base + (sizes.length - 1) * 500,
        currency_code: options.currency,
        search_text: [title, vendor, ...skus].join(' ').toLowerCase(),
        created_at: now,
        updated_at: now,
      });
      sizes.forEach((size, position) => {
        variantRows.push({
          id: randomUUID(),
          product_id: id,
          sku: skus[position],
          barcode: null,
          title: size,
          selected_options: JSON.stringify([{ name: 'Size', value: size }]),
          price_amount: base + position * 500,
          compare_at_amount: null,
          currency_code: options.currency,
          position,
          created_at: now,
          updated_at: now,
        });
      });
    }
    await knex.transaction(async (trx) => {
      await trx(`${SCHEMA}.product`).insert(productRows);
      await trx(`${SCHEMA}.product_variant`).insert(variantRows);
    });
    variants += variantRows.length;
    options.onProgress?.(Math.min(count, start + BATCH));
  }
  return { products: count, variants };
}
