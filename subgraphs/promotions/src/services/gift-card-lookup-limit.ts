import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { PromotionsContext } from '../context';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Balance lookups allowed per caller per minute: enough for a shopper, too few to guess codes. */
export function createGiftCardLookupLimiter(perMinute = 10): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: 'gift-card-balance', points: perMinute, duration: 60 });
}

/** Counts one lookup against the caller, or refuses it with RATE_LIMITED. */
export async function countGiftCardLookup(ctx: PromotionsContext): Promise<void> {
  try {
    await ctx.giftCardLookups.consume(ctx.callerAddress);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new GraphQLError('Too many gift card lookups; try again later', {
      extensions: { code: RATE_LIMITED, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) },
    });
  }
}
