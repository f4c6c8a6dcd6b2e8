import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { UserError } from '#platform/graphql';
import { ProductVariant } from '../entities';
import { ProductsErrorCode } from '../errors';

/**
 * The first of `base`, `base-2`, `base-3`… that no row of the table uses. One query, on `em`'s
 * transaction; a writer racing for the same handle is caught by the unique constraint at commit.
 */
export async function uniqueHandle(em: EntityManager, table: string, base: string): Promise<string> {
  const rows = await sql<{ handle: string }>(em, `select handle from ${table} where handle = ? or handle like ?`, [
    base,
    `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`,
  ]);
  const taken = new Set(rows.map((r) => r.handle));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A SKU and barcode a variant is about to hold, where they sit in the input, and the variant keeping them (on update). */
export interface VariantIdentifiers {
  sku?: string;
  barcode?: string | null;
  path: string[];
  exceptId?: string;
}

/** SKUs and barcodes must be unique in the input itself and across the whole catalog: one query per kind. */
export async function checkIdentifiersFree(em: EntityManager, items: VariantIdentifiers[], errors: UserError[]): Promise<void> {
  for (const field of ['sku', 'barcode'] as const) {
    const values = items.map((item) => item[field]).filter((v): v is string => Boolean(v));
    if (values.length === 0) continue;
    const taken = await em.find(ProductVariant, { [field]: { $in: values } }, { fields: ['id', field] });
    const seen = new Set<string>();
    for (const item of items) {
      const value = item[field];
      if (!value) continue;
      const owner = taken.find((v) => v[field] === value && v.id !== item.exceptId);
      if (owner || seen.has(value)) {
        errors.push(
          new UserError(
            [...item.path, field],
            `${field === 'sku' ? 'SKU' : 'Barcode'} "${value}" is already used by another variant`,
            ProductsErrorCode.TAKEN,
          ),
        );
      }
      seen.add(value);
    }
  }
}
