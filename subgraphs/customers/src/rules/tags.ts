import { UserError } from '#platform/graphql';
import { Limits } from '../constants';
import { CustomersErrorCode } from '../errors';

/** One spelling per tag: trimmed, inner spaces collapsed, lower-case, so "VIP " and "vip" are one tag. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Normalises and deduplicates a list of tags, refusing blank or over-long ones and more than
 * `max` distinct tags; `path` names the list in the errors.
 */
export function normaliseTags(raw: readonly string[], path: readonly string[], max: number): { tags: string[]; errors: UserError[] } {
  const errors: UserError[] = [];
  raw.forEach((value, index) => {
    const tag = normaliseTag(value);
    if (!tag) errors.push(new UserError([...path, index], 'A tag cannot be blank', CustomersErrorCode.BLANK));
    else if (tag.length > Limits.TAG_LENGTH)
      errors.push(new UserError([...path, index], `A tag has at most ${Limits.TAG_LENGTH} characters`, CustomersErrorCode.TOO_LONG));
  });
  const tags = [...new Set(raw.map(normaliseTag).filter(Boolean))];
  if (tags.length > max) errors.push(new UserError(path, `At most ${max} distinct tags`, CustomersErrorCode.TOO_MANY));
  return { tags, errors };
}
