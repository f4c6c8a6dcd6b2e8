import { LIMITS } from '../inputs/limits';

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
