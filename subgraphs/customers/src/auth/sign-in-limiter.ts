import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Failed sign-ins allowed before refusing: few per account (guessing one password), more per address (shared NATs). */
export interface SignInLimits {
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perEmail: 5, perAddress: 20, windowSeconds: 15 * 60 };

/**
 * Counts failed sign-ins per email and per caller address; in memory, so per process. A kind
 * ("customer", "staff") keeps the two sign-ins' counters apart.
 */
export class SignInLimiter {
  private readonly byEmail: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(kind: string, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    this.byEmail = new RateLimiterMemory({ keyPrefix: `${kind}-sign-in-email`, points: limits.perEmail, duration: limits.windowSeconds });
    this.byAddress = new RateLimiterMemory({ keyPrefix: `${kind}-sign-in-address`, points: limits.perAddress, duration: limits.windowSeconds });
  }

  /**
   * Counts an attempt against the email and the address before the password is checked, so
   * parallel guesses cannot slip past the limit; false when either is used up.
   */
  async tryAttempt(email: string, address: string): Promise<boolean> {
    const [byEmail, byAddress] = await Promise.all([consume(this.byEmail, email), consume(this.byAddress, address)]);
    return byEmail && byAddress;
  }

  /** A successful sign-in takes its attempt back and clears the account's count. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await Promise.all([this.byEmail.delete(email), this.byAddress.reward(address, 1)]);
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return false;
  }
}
