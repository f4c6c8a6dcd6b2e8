/**
 * TEST_CARD: a deterministic card provider that keeps its state in memory and does no I/O. The
 * card number decides the authorization's outcome (see test-card-numbers.ts); capture, void and
 * refund then follow the rules real processors keep: capture at most what was authorized, refund
 * at most what was captured, void only an authorization nothing was captured on.
 *
 * Every answer is remembered under its idempotency key, refusals included, and replayed to a
 * repeat of the same request, as a processor replays its first response: so a replay of the
 * TIMEOUT card's authorization answers PENDING again, while `status` tells how it stands now.
 */
import type {
  AuthorizeRequest,
  CaptureRequest,
  DeclineCode,
  PaymentProvider,
  ProviderResult,
  RefundRequest,
  VoidRequest,
} from './provider';
import { testCardBehaviour } from './test-card-numbers';

/** Where an authorization stands: what was authorized, captured and refunded, in minor units. */
export interface Authorization {
  amountMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  state: 'PENDING' | 'AUTHORIZED' | 'VOIDED';
}

/** A refusal: nothing moved. */
export const declined = (code: DeclineCode, message: string): ProviderResult => ({ status: 'DECLINED', code, message });

/** The in-memory TEST_CARD provider; each instance is its own processor. */
export class TestCardProvider implements PaymentProvider {
  readonly method = 'TEST_CARD' as const;
  /** Answers by idempotency key, with the request they answered. */
  private readonly answers = new Map<string, { request: string; result: ProviderResult }>();
  private readonly authorizations = new Map<string, Authorization>();
  /** Every operation that succeeded or is pending, by reference, for `status`. */
  private readonly operations = new Map<string, ProviderResult>();

  async authorize(request: AuthorizeRequest): Promise<ProviderResult> {
    const { amountMinor, currency, idempotencyKey, source } = request;
    return this.once(idempotencyKey, ['authorize', amountMinor, currency, source], () => {
      const result = authorizationResult(request);
      if (result.status === 'DECLINED') return result;
      const state = result.status === 'PENDING' ? 'PENDING' : 'AUTHORIZED';
      this.authorizations.set(result.reference, { amountMinor, capturedMinor: 0, refundedMinor: 0, state });
      return this.record(result);
    });
  }

  async capture(request: CaptureRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['capture', reference, amountMinor], () => {
      const authorization = this.authorizations.get(reference) ?? null;
      const result = captureResult(authorization, request);
      if (result.status !== 'SUCCEEDED' || !authorization) return result;
      authorization.capturedMinor += amountMinor;
      return this.record(result);
    });
  }

  async void(request: VoidRequest): Promise<ProviderResult> {
    const { reference, idempotencyKey } = request;
    return this.once(idempotencyKey, ['void', reference], () => {
      const authorization = this.authorizations.get(reference) ?? null;
      const result = voidResult(authorization, request);
      if (result.status !== 'SUCCEEDED' || !authorization) return result;
      authorization.state = 'VOIDED';
      return this.record(result);
    });
  }

  async refund(request: RefundRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['refund', reference, amountMinor], () => {
      const authorization = this.authorizations.get(reference) ?? null;
      const result = refundResult(authorization, request);
      if (result.status !== 'SUCCEEDED' || !authorization) return result;
      authorization.refundedMinor += amountMinor;
      return this.record(result);
    });
  }

  /** A pending authorization settles (SUCCEEDED) when asked about, as the TIMEOUT card promises. */
  async status(reference: string): Promise<ProviderResult> {
    const authorization = this.authorizations.get(reference);
    if (authorization?.state === 'PENDING') {
      authorization.state = 'AUTHORIZED';
      this.operations.set(reference, { status: 'SUCCEEDED', reference });
    }
    return this.operations.get(reference) ?? declined('UNKNOWN_AUTHORIZATION', `No operation ${reference}`);
  }

  /** Runs `attempt` once per key; a repeat gets the first answer, a different request under the key a refusal. */
  private once(idempotencyKey: string, request: unknown[], attempt: () => ProviderResult): ProviderResult {
    const fingerprint = JSON.stringify(request);
    const earlier = this.answers.get(idempotencyKey);
    if (earlier !== undefined) {
      return earlier.request === fingerprint
        ? earlier.result
        : declined('IDEMPOTENCY_KEY_MISMATCH', `Key ${idempotencyKey} was used for a different request`);
    }
    const result = attempt();
    this.answers.set(idempotencyKey, { request: fingerprint, result });
    return result;
  }

  private record(result: ProviderResult & { reference: string }): ProviderResult {
    this.operations.set(result.reference, result);
    return result;
  }
}

/** A positive whole number of minor units. */
export function isAmount(amountMinor: number): boolean {
  return Number.isSafeInteger(amountMinor) && amountMinor > 0;
}

/** What the card number makes of an authorization: approved, pending (the timeout card) or declined; a malformed request is refused. */
export function authorizationResult({ amountMinor, currency, idempotencyKey, source }: AuthorizeRequest): ProviderResult {
  if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
  if (!/^[A-Z]{3}$/.test(currency)) return declined('INVALID_REQUEST', `Currency "${currency}" is not an ISO 4217 code`);
  const behaviour = testCardBehaviour(source);
  if (behaviour === null) return declined('INVALID_SOURCE', 'This is not a test card number');
  if (behaviour === 'DECLINE') return declined('CARD_DECLINED', 'The card was declined');
  if (behaviour === 'INSUFFICIENT_FUNDS') return declined('INSUFFICIENT_FUNDS', 'The card has insufficient funds');
  return { status: behaviour === 'TIMEOUT' ? 'PENDING' : 'SUCCEEDED', reference: `tc_auth_${idempotencyKey}` };
}

/** Capture at most what is left of a settled authorization that was not voided. */
export function captureResult(
  authorization: Authorization | null,
  { reference, amountMinor, idempotencyKey }: CaptureRequest,
): ProviderResult {
  if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
  if (authorization.state === 'VOIDED') return declined('AUTHORIZATION_VOIDED', `Authorization ${reference} was voided`);
  if (authorization.state === 'PENDING') return declined('AUTHORIZATION_PENDING', `Authorization ${reference} has not settled`);
  if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
  const capturable = authorization.amountMinor - authorization.capturedMinor;
  if (amountMinor > capturable) return declined('AMOUNT_EXCEEDS_AUTHORIZED', `Only ${capturable} is left to capture`);
  return { status: 'SUCCEEDED', reference: `tc_capture_${idempotencyKey}` };
}

/** Void an authorization nothing was captured on; a pending one may be voided: it is how a checkout gives up on a timed-out card. */
export function voidResult(authorization: Authorization | null, { reference, idempotencyKey }: VoidRequest): ProviderResult {
  if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
  if (authorization.state === 'VOIDED') return declined('AUTHORIZATION_VOIDED', `Authorization ${reference} was already voided`);
  if (authorization.capturedMinor > 0) return declined('ALREADY_CAPTURED', `Authorization ${reference} was captured; refund it instead`);
  return { status: 'SUCCEEDED', reference: `tc_void_${idempotencyKey}` };
}

/** Refund at most what was captured and not refunded yet. */
export function refundResult(
  authorization: Authorization | null,
  { reference, amountMinor, idempotencyKey }: RefundRequest,
): ProviderResult {
  if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
  if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
  const refundable = authorization.capturedMinor - authorization.refundedMinor;
  if (amountMinor > refundable) return declined('AMOUNT_EXCEEDS_CAPTURED', `Only ${refundable} is left to refund`);
  return { status: 'SUCCEEDED', reference: `tc_refund_${idempotencyKey}` };
}
