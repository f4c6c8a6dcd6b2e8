import { UserError } from '#platform/graphql';
import { ProductsErrorCode } from '../errors';
import type { ProductOption, SelectedOption } from '../entities';

export const DEFAULT_VARIANT_TITLE = 'Default Title';

/** Option names unique (ignoring case), values trimmed and de-duplicated, order kept. */
export function normaliseOptions(options: ProductOption[], path: string[], errors: UserError[]): ProductOption[] {
  const seen = new Set<string>();
  return options.map((option, i) => {
    const name = option.name.trim();
    if (seen.has(name.toLowerCase())) {
      errors.push(new UserError([...path, String(i), 'name'], `Option "${name}" is listed twice`, ProductsErrorCode.TAKEN));
    }
    seen.add(name.toLowerCase());
    return { name, values: unique(option.values.map((v) => v.trim())) };
  });
}

/**
 * Checks a variant's option values against its product's options and returns them in the
 * product's option order. A value the option does not list yet is added to it (as Shopify
 * does), so a new size can arrive with its first variant.
 */
export function resolveSelectedOptions(
  options: ProductOption[],
  selected: { name: string; value: string }[],
  path: string[],
  errors: UserError[],
): SelectedOption[] {
  const byName = new Map(selected.map((s) => [s.name.trim().toLowerCase(), s.value.trim()]));
  const unknown = selected.filter((s) => !options.some((o) => o.name.toLowerCase() === s.name.trim().toLowerCase()));
  for (const s of unknown) {
    errors.push(new UserError(path, `The product has no option "${s.name}"`, ProductsErrorCode.INVALID));
  }
  if (byName.size !== selected.length) {
    errors.push(new UserError(path, 'Each option may be given only once', ProductsErrorCode.INVALID));
  }
  const resolved: SelectedOption[] = [];
  for (const option of options) {
    const value = byName.get(option.name.toLowerCase());
    if (value === undefined) {
      errors.push(new UserError(path, `A value for option "${option.name}" is required`, ProductsErrorCode.BLANK));
      continue;
    }
    if (!option.values.includes(value)) option.values.push(value);
    resolved.push({ name: option.name, value });
  }
  return resolved;
}

export function variantTitle(selected: SelectedOption[]): string {
  return selected.length ? selected.map((s) => s.value).join(' / ') : DEFAULT_VARIANT_TITLE;
}

export function optionKey(selected: SelectedOption[]): string {
  return JSON.stringify(selected.map((s) => s.value));
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Tags trimmed, de-duplicated ignoring case, first spelling kept. */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.trim()).filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}
