import { MoneyFormatError, parseMinorUnits, UserError, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { Limits, SCHEMA } from '../constants';
import { CustomersErrorCode } from '../errors';
import { keptOrdersOf } from './kept-orders';
import { normaliseTags } from './tags';

/** Segment rules as stored (JSON): each key optional, dates as ISO strings. All present rules must hold. */
export interface StoredSegmentRules {
  tagsAny?: string[];
  tagsAll?: string[];
  acceptsMarketing?: boolean;
  channelsAny?: SalesChannel[];
  channelsAll?: SalesChannel[];
  signedUpAfter?: string;
  signedUpBefore?: string;
  activeSince?: string;
  /** Orders placed sum to at least this, in minor units of the shop's currency. */
  spentAtLeastMinor?: number;
  ordersAtLeast?: number;
  orderedWithinDays?: number;
  /** Spend per order counted is at least this, in minor units of the shop's currency. */
  averageOrderValueAtLeastMinor?: number;
  purchaseChannelsAny?: SalesChannel[];
}

/** Segment rules as a client sends them; null and absent both mean "no such rule". */
export interface SegmentRulesValues {
  tagsAny?: string[] | null;
  tagsAll?: string[] | null;
  acceptsMarketing?: boolean | null;
  channelsAny?: SalesChannel[] | null;
  channelsAll?: SalesChannel[] | null;
  signedUpAfter?: Date | null;
  signedUpBefore?: Date | null;
  activeSince?: Date | null;
  /** A decimal amount in the shop's currency. */
  spentAtLeast?: string | null;
  ordersAtLeast?: number | null;
  orderedWithinDays?: number | null;
  /** A decimal amount in the shop's currency. */
  averageOrderValueAtLeast?: string | null;
  purchaseChannelsAny?: SalesChannel[] | null;
}

/** Bounds of the order rules: a count or a span of days beyond these is a typo. */
const MAX_ORDERS_RULE = 100_000;
const MAX_DAYS_RULE = 3_660;

/** A piece of SQL with its `?` bindings, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * Checks rules from a client and returns them in stored form: at least one rule, no empty or
 * over-long list (tags normalised as on customers), signedUpAfter before signedUpBefore.
 */
export function validateSegmentRules(
  input: SegmentRulesValues,
  path: readonly string[],
  currencyCode: CurrencyCode,
): { rules: StoredSegmentRules; errors: UserError[] } {
  const errors: UserError[] = [];
  const rules: StoredSegmentRules = {};
  const list = <T>(
    key: keyof SegmentRulesValues,
    values: T[] | null | undefined,
    normalise: (values: T[], at: string[]) => T[],
  ): T[] | undefined => {
    if (values == null) return undefined;
    const at = [...path, key];
    if (values.length === 0) {
      errors.push(new UserError(at, 'An empty list matches nobody; leave the rule out instead', CustomersErrorCode.BLANK));
      return undefined;
    }
    return normalise(values, at);
  };
  const tags = (values: string[], at: string[]) => {
    const result = normaliseTags(values, at, Limits.SEGMENT_RULE_VALUES);
    errors.push(...result.errors);
    return result.tags;
  };
  const channels = (values: SalesChannel[], at: string[]) => {
    if (values.length > Limits.SEGMENT_RULE_VALUES)
      errors.push(new UserError(at, `At most ${Limits.SEGMENT_RULE_VALUES} values`, CustomersErrorCode.TOO_MANY));
    return [...new Set(values)];
  };
  const assign = <K extends keyof StoredSegmentRules>(key: K, value: StoredSegmentRules[K] | undefined) => {
    if (value !== undefined) rules[key] = value;
  };
  assign('tagsAny', list('tagsAny', input.tagsAny, tags));
  assign('tagsAll', list('tagsAll', input.tagsAll, tags));
  assign('channelsAny', list('channelsAny', input.channelsAny, channels));
  assign('channelsAll', list('channelsAll', input.channelsAll, channels));
  assign('acceptsMarketing', input.acceptsMarketing ?? undefined);
  assign('signedUpAfter', input.signedUpAfter?.toISOString());
  assign('signedUpBefore', input.signedUpBefore?.toISOString());
  assign('activeSince', input.activeSince?.toISOString());
  const amount = (key: 'spentAtLeast' | 'averageOrderValueAtLeast', value: string | null | undefined) => {
    if (value == null) return undefined;
    try {
      const minor = parseMinorUnits(value, currencyCode);
      if (minor > 0) return minor;
      errors.push(new UserError([...path, key], 'Give an amount above zero', CustomersErrorCode.INVALID));
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      errors.push(new UserError([...path, key], error.message, CustomersErrorCode.INVALID));
    }
    return undefined;
  };
  assign('spentAtLeastMinor', amount('spentAtLeast', input.spentAtLeast));
  assign('averageOrderValueAtLeastMinor', amount('averageOrderValueAtLeast', input.averageOrderValueAtLeast));
  assign('purchaseChannelsAny', list('purchaseChannelsAny', input.purchaseChannelsAny, channels));
  const count = (key: 'ordersAtLeast' | 'orderedWithinDays', value: number | null | undefined, max: number) => {
    if (value == null) return;
    if (!Number.isInteger(value) || value < 1 || value > max)
      errors.push(new UserError([...path, key], `Give a whole number from 1 to ${max}`, CustomersErrorCode.INVALID));
    else rules[key] = value;
  };
  count('ordersAtLeast', input.ordersAtLeast, MAX_ORDERS_RULE);
  count('orderedWithinDays', input.orderedWithinDays, MAX_DAYS_RULE);
  if (input.signedUpAfter && input.signedUpBefore && input.signedUpAfter >= input.signedUpBefore) {
    errors.push(new UserError([...path, 'signedUpBefore'], 'signedUpBefore must be later than signedUpAfter', CustomersErrorCode.INVALID));
  }
  if (Object.keys(rules).length === 0 && errors.length === 0) {
    errors.push(new UserError(path, 'Give at least one rule; a segment of everyone is not a segment', CustomersErrorCode.BLANK));
  }
  return { rules, errors };
}

/**
 * Compiles rules to one SQL predicate over the customer row aliased `c`, true exactly for the
 * segment's members. Customers merged into another or erased belong to no segment. Signed-up
 * dates are a half-open range: after ≤ created_at < before.
 */
export function compileSegmentRules(rules: StoredSegmentRules): SqlFragment {
  const parts = ['c.merged_into_id is null', 'c.erased_at is null'];
  const params: unknown[] = [];
  const rule = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const identities = `${SCHEMA}.customer_identity i where i.customer_id = c.id and i.channel = any(?::text[])`;
  if (rules.tagsAny) rule('c.tags && ?::text[]', rules.tagsAny);
  if (rules.tagsAll) rule('c.tags @> ?::text[]', rules.tagsAll);
  if (rules.acceptsMarketing !== undefined) rule('c.accepts_marketing = ?', rules.acceptsMarketing);
  if (rules.channelsAny) rule(`exists (select 1 from ${identities})`, rules.channelsAny);
  if (rules.channelsAll) rule(`(select count(distinct i.channel) from ${identities}) = ?`, rules.channelsAll, rules.channelsAll.length);
  if (rules.signedUpAfter) rule('c.created_at >= ?::timestamptz', rules.signedUpAfter);
  if (rules.signedUpBefore) rule('c.created_at < ?::timestamptz', rules.signedUpBefore);
  if (rules.activeSince) {
    rule(
      `exists (select 1 from ${SCHEMA}.customer_event e where e.customer_id = c.id and e.occurred_at >= ?::timestamptz)`,
      rules.activeSince,
    );
  }
  // Orders as the orders subgraph announced them, net of what went back: facts, so a figure never drifts.
  const kept = `${keptOrdersOf('c.id')} k`;
  if (rules.spentAtLeastMinor !== undefined) rule(`(select coalesce(sum(k.net), 0) from ${kept}) >= ?`, rules.spentAtLeastMinor);
  if (rules.ordersAtLeast !== undefined) rule(`(select count(*) filter (where k.counts) from ${kept}) >= ?`, rules.ordersAtLeast);
  if (rules.orderedWithinDays !== undefined) {
    rule(`exists (select 1 from ${kept} where k.counts and k.placed_at >= now() - make_interval(days => ?))`, rules.orderedWithinDays);
  }
  if (rules.averageOrderValueAtLeastMinor !== undefined) {
    rule(
      `(select coalesce(sum(k.net), 0)::numeric / nullif(count(*) filter (where k.counts), 0) from ${kept}) >= ?`,
      rules.averageOrderValueAtLeastMinor,
    );
  }
  if (rules.purchaseChannelsAny) {
    rule(`exists (select 1 from ${kept} where k.net > 0 and k.channel = any(?::text[]))`, rules.purchaseChannelsAny);
  }
  return { sql: parts.map((part) => `(${part})`).join(' and '), params };
}

/**
 * The statement that tells, for a batch of customers, which segments each is in: every
 * segment's compiled predicate evaluated against each customer row in one pass.
 */
export function membershipQuery(
  segments: readonly { id: string; rules: StoredSegmentRules }[],
  customerIds: readonly string[],
): SqlFragment {
  const params: unknown[] = [];
  const branches = segments.map((segment) => {
    const predicate = compileSegmentRules(segment.rules);
    params.push(segment.id, ...predicate.params);
    return `select ?::uuid as segment_id where ${predicate.sql}`;
  });
  params.push([...customerIds]);
  return {
    sql: `select c.id as customer_id, s.segment_id from ${SCHEMA}.customer c
          cross join lateral (${branches.join(' union all ')}) s
          where c.id = any(?::uuid[])`,
    params,
  };
}
