import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The TEST_CARD provider's state, kept in the database so a restarted process sees it (a pending card settles later). */
@Entity({ tableName: 'test_card_authorization' })
export class TestCardAuthorization {
  @PrimaryKey({ type: 'text' })
  reference!: string;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  @Property({ type: new BigIntType('number'), default: 0 })
  capturedMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  refundedMinor = 0;

  /** PENDING, AUTHORIZED, VOIDED. */
  @Property({ type: 'text' })
  state!: string;
}

/** A TEST_CARD answer by idempotency key, with the request it answered, replayed to a repeat. */
@Entity({ tableName: 'test_card_answer' })
export class TestCardAnswer {
  @PrimaryKey({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  request!: string;

  @Property({ type: 'json' })
  result!: Record<string, unknown>;
}
