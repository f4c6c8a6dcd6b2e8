/**
 * TEST_CARD with its state in the database (tables test_card_authorization and
 * test_card_answer), so a restarted process, or another replica, sees what the card did: the
 * TIMEOUT card's pending authorization settles later, and a checkout recovered by the sweeper
 * can capture or void what the dead process authorized. The rules are the in-memory provider's
 * (test-card.ts): the number decides the authorization; capture at most what was authorized,
 * refund at most what was captured, void only what nothing was captured on; every answer is
 * replayed to a repeat of its idempotency key. Each call is one short local transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { AuthorizeRequest, CaptureRequest, PaymentProvider, ProviderResult, RefundRequest, VoidRequest } from './provider';
import { declined, isAmount } from './test-card';
import { testCardBehaviour } from './test-card-numbers';

interface AuthorizationRow {
  amount_minor: string;
  captured_minor: string;
  refunded_minor: string;
  state: 'PENDING' | 'AUTHORIZED' | 'VOIDED';
}

/** The TEST_CARD provider on the orders database; `em` gives a fresh EntityManager per call. */
export class PersistedTestCardProvider implements PaymentProvider {
  readonly method = 'TEST_CARD' as const;

  constructor(private readonly em: () => EntityManager) {}

  authorize(request: AuthorizeRequest): Promise<ProviderResult> {
    const { amountMinor, currency, idempotencyKey, source } = request;
    return this.once(idempotencyKey, ['authorize', amountMinor, currency, source], async (em) => {
      if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
      if (!/^[A-Z]{3}$/.test(currency)) return declined('INVALID_REQUEST', `Currency "${currency}" is not an ISO 4217 code`);
      const behaviour = testCardBehaviour(source);
      if (behaviour === null) return declined('INVALID_SOURCE', 'This is not a test card number');
      if (behaviour === 'DECLINE') return declined('CARD_DECLINED', 'The card was declined');
      if (behaviour === 'INSUFFICIENT_FUNDS') return declined('INSUFFICIENT_FUNDS', 'The card has insufficient funds');
      const reference = `tc_auth_${idempotencyKey}`;
      const state = behaviour === 'TIMEOUT' ? 'PENDING' : 'AUTHORIZED';
      await sql(em, `insert into "${SCHEMA}"."test_card_authorization" (reference, amount_minor, state) values (?, ?, ?)`, [
        reference,
        amountMinor,
        state,
      ]);
      return { status: state === 'PENDING' ? 'PENDING' : 'SUCCEEDED', reference };
    });
  }

  capture(request: CaptureRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['capture', reference, amountMinor], async (em) => {
      const authorization = await this.lock(em, reference);
      if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
      if (authorization.state === 'VOIDED') return declined('AUTHORIZATION_VOIDED', `Authorization ${reference} was voided`);
      if (authorization.state === 'PENDING') return declined('AUTHORIZATION_PENDING', `Authorization ${reference} has not settled`);
      if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
      const capturable = Number(authorization.amount_minor) - Number(authorization.captured_minor);
      if (amountMinor > capturable) return declined('AMOUNT_EXCEEDS_AUTHORIZED', `Only ${capturable} is left to capture`);
      await this.update(em, reference, 'captured_minor = captured_minor + ?', [amountMinor]);
      return { status: 'SUCCEEDED', reference: `tc_capture_${idempotencyKey}` };
    });
  }

  void(request: VoidRequest): Promise<ProviderResult> {
    const { reference, idempotencyKey } = request;
    return this.once(idempotencyKey, ['void', reference], async (em) => {
      const authorization = await this.lock(em, reference);
      if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
      if (authorization.state === 'VOIDED') return declined('AUTHORIZATION_VOIDED', `Authorization ${reference} was already voided`);
      if (Number(authorization.captured_minor) > 0) {
        return declined('ALREADY_CAPTURED', `Authorization ${reference} was captured; refund it instead`);
      }
      await this.update(em, reference, `state = 'VOIDED'`, []);
      return { status: 'SUCCEEDED', reference: `tc_void_${idempotencyKey}` };
    });
  }

  refund(request: RefundRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['refund', reference, amountMinor], async (em) => {
      const authorization = await this.lock(em, reference);
      if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No authorization ${reference}`);
      if (!isAmount(amountMinor)) return declined('INVALID_REQUEST', `Amount ${amountMinor} is not a positive integer of minor units`);
      const refundable = Number(authorization.captured_minor) - Number(authorization.refunded_minor);
      if (amountMinor > refundable) return declined('AMOUNT_EXCEEDS_CAPTURED', `Only ${refundable} is left to refund`);
      await this.update(em, reference, 'refunded_minor = refunded_minor + ?', [amountMinor]);
      return { status: 'SUCCEEDED', reference: `tc_refund_${idempotencyKey}` };
    });
  }

  /** An authorization's standing; a pending one settles (SUCCEEDED) when asked about, as the TIMEOUT card promises. */
  async status(reference: string): Promise<ProviderResult> {
    return this.em().transactional(async (em) => {
      const authorization = await this.lock(em, reference);
      if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No operation ${reference}`);
      if (authorization.state === 'PENDING') await this.update(em, reference, `state = 'AUTHORIZED'`, []);
      return { status: 'SUCCEEDED', reference };
    });
  }

  /** Open authorizations (neither captured in full nor voided): what a test checks is left over. */
  async openAuthorizations(): Promise<{ reference: string; openMinor: number }[]> {
    const rows = await sql<{ reference: string; open: string }>(
      this.em(),
      `select reference, amount_minor - captured_minor as open from "${SCHEMA}"."test_card_authorization"
       where state <> 'VOIDED' and amount_minor > captured_minor`,
    );
    return rows.map((r) => ({ reference: r.reference, openMinor: Number(r.open) }));
  }

  /** Runs `attempt` once per key in one transaction; a repeat gets the first answer, another request under the key a refusal. */
  private once(key: string, request: unknown[], attempt: (em: EntityManager) => Promise<ProviderResult>): Promise<ProviderResult> {
    const fingerprint = JSON.stringify(request);
    return this.em().transactional(async (em) => {
      const claimed = await sql(
        em,
        `insert into "${SCHEMA}"."test_card_answer" (idempotency_key, request, result) values (?, ?, '{}'::jsonb)
         on conflict do nothing returning idempotency_key`,
        [key, fingerprint],
      );
      if (claimed.length === 0) {
        const [earlier] = await sql<{ request: string; result: ProviderResult }>(
          em,
          `select request, result from "${SCHEMA}"."test_card_answer" where idempotency_key = ?`,
          [key],
        );
        return earlier.request === fingerprint
          ? earlier.result
          : declined('IDEMPOTENCY_KEY_MISMATCH', `Key ${key} was used for a different request`);
      }
      const result = await attempt(em);
      await sql(em, `update "${SCHEMA}"."test_card_answer" set result = ?::jsonb where idempotency_key = ?`, [JSON.stringify(result), key]);
      return result;
    });
  }

  private async lock(em: EntityManager, reference: string): Promise<AuthorizationRow | null> {
    const [row] = await sql<AuthorizationRow>(
      em,
      `select amount_minor, captured_minor, refunded_minor, state from "${SCHEMA}"."test_card_authorization" where reference = ? for update`,
      [reference],
    );
    return row ?? null;
  }

  private async update(em: EntityManager, reference: string, assignment: string, params: unknown[]): Promise<void> {
    await sql(em, `update "${SCHEMA}"."test_card_authorization" set ${assignment} where reference = ?`, [...params, reference]);
  }
}
