import { GraphQLError } from 'graphql';
import { SharedRateLimiter, type Orm } from '#platform/db';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { PromotionsRequestErrorCode } from '../errors';

/**
 * Balance lookups allowed per caller per minute: enough for a shopper, too few to guess codes.
 * Counted in the database, so every replica holds the caller to the same ten. Built once, in setup.
 */
export function createGiftCardLookupLimiter(orm: Orm, perMinute = 10): SharedRateLimiter {
  return new SharedRateLimiter(orm, SCHEMA, { name: 'gift-card-balance', points: perMinute, windowSeconds: 60 });
}

/** Counts one lookup against the caller (the end client's address), or refuses it with RATE_LIMITED. */
export async function countGiftCardLookup(ctx: PromotionsContext): Promise<void> {
  const waitMs = await ctx.giftCardLookups.consume(ctx.clientAddress);
  if (waitMs === null) return;
  throw new GraphQLError('Too many gift card lookups; try again later', {
    extensions: { code: PromotionsRequestErrorCode.RATE_LIMITED, retryAfterSeconds: Math.ceil(waitMs / 1000) },
  });
}
