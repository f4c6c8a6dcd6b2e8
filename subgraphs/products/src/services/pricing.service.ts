import { sql } from '#platform/db';
import { Money, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { SCHEMA } from '../constants';
import type { ProductsContext } from '../context';
import { PRICING_LOOKUP_LIMIT, type PricingVariant, type VariantsForPricingVariables } from '../contract/commands';
import { ProductStatus, type TaxClass } from '../entities';
import { unique } from '../rules/options';

interface PricingRow {
  variant_id: string;
  sku: string;
  barcode: string | null;
  variant_title: string;
  price_amount: string;
  compare_at_amount: string | null;
  currency_code: string;
  product_id: string;
  product_title: string;
  product_handle: string;
  product_status: ProductStatus;
  channels: SalesChannel[];
  tax_class: TaxClass;
  image_url: string | null;
  category_ids: string[];
}

/**
 * Variants by SKU or barcode with their product and its category lineage, in ONE statement
 * however many are asked: the lineage walks up the tree per product (a depth cap guards against
 * a cycle the category rules already forbid).
 */
const PRICING_SQL = `
  with recursive wanted as (
    select v.id, v.product_id, v.sku, v.barcode, v.title, v.price_amount, v.compare_at_amount, v.currency_code
    from ${SCHEMA}.product_variant v
    where v.sku = any(?::text[]) or v.barcode = any(?::text[])
  ), lineage(product_id, category_id, depth) as (
    select p.id, p.category_id, 0 from ${SCHEMA}.product p
    where p.category_id is not null and p.id in (select product_id from wanted)
    union all
    select l.product_id, c.parent_id, l.depth + 1
    from lineage l join ${SCHEMA}.category c on c.id = l.category_id
    where c.parent_id is not null and l.depth < 64
  )
  select w.id as variant_id, w.sku, w.barcode, w.title as variant_title,
         w.price_amount, w.compare_at_amount, w.currency_code,
         p.id as product_id, p.title as product_title, p.handle as product_handle, p.status as product_status,
         p.channels, p.tax_class, p.images -> 0 ->> 'url' as image_url,
         coalesce((select array_agg(l.category_id::text order by l.depth) from lineage l where l.product_id = p.id), '{}'::text[])
           as category_ids
  from wanted w join ${SCHEMA}.product p on p.id = w.product_id`;

/**
 * The catalog's facts for pricing a cart (the contract's VariantsForPricing): each known variant
 * once, in the order asked, SKUs before barcodes; unknown ones are left out. Every status is
 * answered, with `sellable` saying whether the variant may be sold (on `channel`, when given).
 */
export async function variantsForPricing(ctx: ProductsContext, lookup: VariantsForPricingVariables): Promise<PricingVariant[]> {
  const skus = unique(lookup.skus.map((s) => s.trim()).filter(Boolean));
  const barcodes = unique((lookup.barcodes ?? []).map((b) => b.trim()).filter(Boolean));
  if (skus.length + barcodes.length > PRICING_LOOKUP_LIMIT) {
    throw badUserInput(`Ask for at most ${PRICING_LOOKUP_LIMIT} SKUs and barcodes at once`, 'skus');
  }
  if (skus.length + barcodes.length === 0) return [];
  const rows = await sql<PricingRow>(ctx.em, PRICING_SQL, [skus, barcodes]);
  const bySku = new Map(rows.map((row) => [row.sku, row]));
  const byBarcode = new Map(rows.filter((row) => row.barcode !== null).map((row) => [row.barcode, row]));
  const ordered = unique([...skus.map((sku) => bySku.get(sku)), ...barcodes.map((barcode) => byBarcode.get(barcode))]);
  return ordered.filter((row): row is PricingRow => row !== undefined).map((row) => toPricingVariant(row, lookup.channel ?? null));
}

function toPricingVariant(row: PricingRow, channel: SalesChannel | null): PricingVariant {
  const currency = row.currency_code as CurrencyCode;
  return {
    sku: row.sku,
    barcode: row.barcode,
    variantId: row.variant_id,
    variantTitle: row.variant_title,
    productId: row.product_id,
    productTitle: row.product_title,
    productHandle: row.product_handle,
    productStatus: row.product_status,
    channels: row.channels,
    sellable: row.product_status === ProductStatus.ACTIVE && (channel === null || row.channels.includes(channel)),
    price: Money.fromMinor(Number(row.price_amount), currency),
    compareAtPrice: row.compare_at_amount === null ? null : Money.fromMinor(Number(row.compare_at_amount), currency),
    categoryIds: row.category_ids,
    imageUrl: row.image_url,
    taxClass: row.tax_class,
  };
}
