/**
 * The contract every payment provider keeps, whether it calls a card processor, promotions'
 * stored-value commands or nothing at all.
 *
 * Every call is idempotent under its `idempotencyKey`: a call repeated with the same key and the
 * same request answers what the first call answered and moves no more money, so a checkout
 * retried after a crash cannot charge twice. The same key with a different request is refused
 * (IDEMPOTENCY_KEY_MISMATCH) and moves nothing. Money counts as moved only on SUCCEEDED.
 *
 * PENDING means the provider did not answer in time: the operation may still go through. The
 * caller asks `status(reference)` later and must not retry under a new key, which could charge
 * twice.
 */
import type { PaymentMethod } from './types';

/** Why a provider refused; nothing moved. */
export type DeclineCode =
  /** The issuer declined the card. */
  | 'CARD_DECLINED'
  | 'INSUFFICIENT_FUNDS'
  /** The source is not a card (or balance) the provider knows. */
  | 'INVALID_SOURCE'
  /** An amount that is not a positive integer, or a currency that is not three capital letters. */
  | 'INVALID_REQUEST'
  /** No authorization has this reference. */
  | 'UNKNOWN_AUTHORIZATION'
  | 'AUTHORIZATION_VOIDED'
  /** The authorization has not settled yet; ask `status` first. */
  | 'AUTHORIZATION_PENDING'
  /** Something was captured, so the authorization can no longer be voided; refund instead. */
  | 'ALREADY_CAPTURED'
  | 'AMOUNT_EXCEEDS_AUTHORIZED'
  | 'AMOUNT_EXCEEDS_CAPTURED'
  | 'IDEMPOTENCY_KEY_MISMATCH';

/** A provider's answer. `reference` identifies the operation at the provider (an authorization's is what capture, void and refund name). */
export type ProviderResult =
  | { status: 'SUCCEEDED'; reference: string }
  | { status: 'DECLINED'; code: DeclineCode; message: string }
  | { status: 'PENDING'; reference: string };

/** Reserve `amountMinor` of `currency` (ISO 4217) on `source`: a card number or token, a gift card code, a customer id. */
export interface AuthorizeRequest {
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
  source: string;
}

/** Take `amountMinor` of the authorization `reference`; several captures may add up to the authorized amount. */
export interface CaptureRequest {
  reference: string;
  amountMinor: number;
  idempotencyKey: string;
}

/** Release the authorization `reference`, on which nothing has been captured. */
export interface VoidRequest {
  reference: string;
  idempotencyKey: string;
}

/** Give back `amountMinor` of what was captured on the authorization `reference`; refunds add up to at most the captured amount. */
export interface RefundRequest {
  reference: string;
  amountMinor: number;
  idempotencyKey: string;
}

/** A payment provider: one per method, every call idempotent under its key. */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  authorize(request: AuthorizeRequest): Promise<ProviderResult>;
  capture(request: CaptureRequest): Promise<ProviderResult>;
  void(request: VoidRequest): Promise<ProviderResult>;
  refund(request: RefundRequest): Promise<ProviderResult>;
  /** How the operation `reference` stands now: how a PENDING answer is resolved. */
  status(reference: string): Promise<ProviderResult>;
}
