/**
 * TEST_CARD with its state in the database (tables test_card_authorization and
 * test_card_answer), so a restarted process, or another replica, sees what the card did: the
 * TIMEOUT card's pending authorization settles later, and a checkout recovered by the sweeper
 * can capture or void what the dead process authorized. The rules are the ones test-card.ts
 * gives the in-memory provider too (authorizationResult, captureResult, voidResult,
 * refundResult): the number decides the authorization; capture at most what was authorized,
 * refund at most what was captured, void only what nothing was captured on; every answer is
 * replayed to a repeat of its idempotency key. An authorization is one statement; a capture,
 * void or refund one short transaction holding the authorization's row lock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { AuthorizeRequest, CaptureRequest, PaymentProvider, ProviderResult, RefundRequest, VoidRequest } from './provider';
import { authorizationResult, captureResult, declined, refundResult, voidResult, type Authorization } from './test-card';

interface AuthorizationRow {
  amount_minor: string;
  captured_minor: string;
  refunded_minor: string;
  state: 'PENDING' | 'AUTHORIZED' | 'VOIDED';
}

/** What an answer changes besides being recorded: a data-modifying statement, run only when the answer is the key's first. */
interface Effect {
  /** A CTE body; `exists (select 1 from answer)` in it is true when the answer was recorded. */
  sql: string;
  params: unknown[];
}

/** The TEST_CARD provider on the orders database; `em` gives a fresh EntityManager per call. */
export class PersistedTestCardProvider implements PaymentProvider {
  readonly method = 'TEST_CARD' as const;

  constructor(private readonly em: () => EntityManager) {}

  /** Decided from the request alone, so the answer and the authorization are written in one statement, without a transaction. */
  async authorize(request: AuthorizeRequest): Promise<ProviderResult> {
    const { amountMinor, currency, idempotencyKey, source } = request;
    const fingerprint = JSON.stringify(['authorize', amountMinor, currency, source]);
    const result = authorizationResult(request);
    const state = result.status === 'PENDING' ? 'PENDING' : 'AUTHORIZED';
    const effect =
      result.status === 'DECLINED'
        ? null
        : {
            sql: `insert into "${SCHEMA}"."test_card_authorization" (reference, amount_minor, state)
                  select ?, ?, ? where exists (select 1 from answer)`,
            params: [result.reference, amountMinor, state],
          };
    const em = this.em();
    return (await this.record(em, idempotencyKey, fingerprint, result, effect)) ? result : this.earlier(em, idempotencyKey, fingerprint);
  }

  capture(request: CaptureRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['capture', reference, amountMinor], reference, (authorization) => [
      captureResult(authorization, request),
      'captured_minor = captured_minor + ?',
      [amountMinor],
    ]);
  }

  void(request: VoidRequest): Promise<ProviderResult> {
    const { reference, idempotencyKey } = request;
    return this.once(idempotencyKey, ['void', reference], reference, (authorization) => [
      voidResult(authorization, request),
      `state = 'VOIDED'`,
      [],
    ]);
  }

  refund(request: RefundRequest): Promise<ProviderResult> {
    const { reference, amountMinor, idempotencyKey } = request;
    return this.once(idempotencyKey, ['refund', reference, amountMinor], reference, (authorization) => [
      refundResult(authorization, request),
      'refunded_minor = refunded_minor + ?',
      [amountMinor],
    ]);
  }

  /**
   * An operation's standing: a capture, void or refund that succeeded, found by the key its
   * reference carries; an authorization, a pending one settling (SUCCEEDED) when asked about, as
   * the TIMEOUT card promises.
   */
  async status(reference: string): Promise<ProviderResult> {
    const operation = /^tc_(?:capture|void|refund)_(.+)$/.exec(reference);
    if (operation) {
      const [answer] = await sql<{ result: ProviderResult }>(
        this.em(),
        `select result from "${SCHEMA}"."test_card_answer" where idempotency_key = ?`,
        [operation[1]],
      );
      const result = answer?.result;
      return result?.status === 'SUCCEEDED' && result.reference === reference
        ? result
        : declined('UNKNOWN_AUTHORIZATION', `No operation ${reference}`);
    }
    return this.em().transactional(async (em) => {
      const authorization = await this.lock(em, reference);
      if (authorization === null) return declined('UNKNOWN_AUTHORIZATION', `No operation ${reference}`);
      if (authorization.state === 'PENDING') {
        await sql(em, `update "${SCHEMA}"."test_card_authorization" set state = 'AUTHORIZED' where reference = ?`, [reference]);
      }
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

  /**
   * Decides a request on an authorization under its row lock, in one transaction, by the rules
   * both providers share: the result is recorded under the key, with the change `assignment`
   * makes to the authorization when it succeeded, unless the key has an answer already, which is
   * then the answer.
   */
  private once(
    key: string,
    request: unknown[],
    reference: string,
    decide: (authorization: Authorization | null) => [result: ProviderResult, assignment: string, params: unknown[]],
  ): Promise<ProviderResult> {
    const fingerprint = JSON.stringify(request);
    return this.em().transactional(async (em) => {
      const [result, assignment, params] = decide(await this.lock(em, reference));
      const effect: Effect | null =
        result.status === 'SUCCEEDED'
          ? {
              sql: `update "${SCHEMA}"."test_card_authorization" set ${assignment} where reference = ? and exists (select 1 from answer)`,
              params: [...params, reference],
            }
          : null;
      return (await this.record(em, key, fingerprint, result, effect)) ? result : this.earlier(em, key, fingerprint);
    });
  }

  /** Records `result` as the key's answer and makes `effect`, in one statement; false when the key was answered before. */
  private async record(
    em: EntityManager,
    key: string,
    fingerprint: string,
    result: ProviderResult,
    effect: Effect | null,
  ): Promise<boolean> {
    const [row] = await sql<{ claimed: boolean }>(
      em,
      `with answer as (
         insert into "${SCHEMA}"."test_card_answer" (idempotency_key, request, result) values (?, ?, ?::jsonb)
         on conflict do nothing returning idempotency_key
       )${effect ? `, effect as (${effect.sql})` : ''}
       select exists (select 1 from answer) as claimed`,
      [key, fingerprint, JSON.stringify(result), ...(effect?.params ?? [])],
    );
    return row.claimed;
  }

  /** The answer a key was given: replayed to the same request, refused to another. */
  private async earlier(em: EntityManager, key: string, fingerprint: string): Promise<ProviderResult> {
    const [earlier] = await sql<{ request: string; result: ProviderResult }>(
      em,
      `select request, result from "${SCHEMA}"."test_card_answer" where idempotency_key = ?`,
      [key],
    );
    return earlier.request === fingerprint
      ? earlier.result
      : declined('IDEMPOTENCY_KEY_MISMATCH', `Key ${key} was used for a different request`);
  }

  private async lock(em: EntityManager, reference: string): Promise<Authorization | null> {
    const [row] = await sql<AuthorizationRow>(
      em,
      `select amount_minor, captured_minor, refunded_minor, state from "${SCHEMA}"."test_card_authorization" where reference = ? for update`,
      [reference],
    );
    if (!row) return null;
    return {
      amountMinor: Number(row.amount_minor),
      capturedMinor: Number(row.captured_minor),
      refundedMinor: Number(row.refunded_minor),
      state: row.state,
    };
  }
}
