import { SharedRateLimiter, type Orm } from '#platform/db';
import { SCHEMA } from '../constants';

/**
 * Sign-in attempts allowed per window. Tight for one address guessing one account; looser for
 * one account from anywhere, which slows a distributed guesser while a single attacker cannot
 * lock the owner out; loose per address, for shops and offices behind one NAT.
 */
export interface SignInLimits {
  perEmailAndAddress: number;
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perEmailAndAddress: 5, perEmail: 30, perAddress: 50, windowSeconds: 15 * 60 };

/**
 * Counts sign-in attempts in the database, so every replica enforces the same limits. A kind
 * ("customer", "staff") keeps the two sign-ins' counters apart.
 */
export class SignInLimiter {
  private readonly byEmailAndAddress: SharedRateLimiter;
  private readonly byEmail: SharedRateLimiter;
  private readonly byAddress: SharedRateLimiter;

  constructor(orm: Orm, kind: string, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    const limit = (scope: string, points: number) =>
      new SharedRateLimiter(orm, SCHEMA, { name: `${kind}-sign-in-${scope}`, points, windowSeconds: limits.windowSeconds });
    this.byEmailAndAddress = limit('email-address', limits.perEmailAndAddress);
    this.byEmail = limit('email', limits.perEmail);
    this.byAddress = limit('address', limits.perAddress);
  }

  /**
   * Counts an attempt before the password is checked, so parallel guesses cannot slip past the
   * limit; false when any limit is used up.
   */
  async tryAttempt(email: string, address: string): Promise<boolean> {
    const waits = await Promise.all([
      this.byEmailAndAddress.consume(`${email} ${address}`),
      this.byEmail.consume(email),
      this.byAddress.consume(address),
    ]);
    return waits.every((wait) => wait === null);
  }

  /** A successful sign-in takes its attempt back and clears the failures of this account here. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await Promise.all([this.byEmailAndAddress.reset(`${email} ${address}`), this.byEmail.reward(email), this.byAddress.reward(address)]);
  }
}
