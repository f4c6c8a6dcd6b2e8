import type { EntityManager } from '@mikro-orm/postgresql';
import { LIMITS } from '../../inputs/limits';

/** "Trail Hardtail 29″ (2026)" → "trail-hardtail-29-2026". Accents are folded, not dropped. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.handle - 8)
    .replace(/-+$/, '');
  return slug || 'item';
}

/**
 * The first of `base`, `base-2`, `base-3`… that no row of the table uses. One query; a writer
 * racing for the same handle is caught by the unique constraint at commit.
 */
export async function uniqueHandle(em: EntityManager, table: string, base: string): Promise<string> {
  const rows: { handle: string }[] = await em
    .getKnex()
    .select('handle')
    .from(table)
    .where('handle', base)
    .orWhere('handle', 'like', `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`);
  const taken = new Set(rows.map((r) => r.handle));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
