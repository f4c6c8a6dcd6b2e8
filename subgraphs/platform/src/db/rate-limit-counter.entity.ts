import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One rate-limit counter (sign-in attempts per email, balance lookups per caller…), kept in the
 * database so every replica counts against the same limit. The columns are the ones
 * rate-limiter-flexible's PostgreSQL store reads and writes.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'varchar', length: 255 })
  key!: string;

  @Property({ type: 'int', default: 0 })
  points = 0;

  /** When the window ends, in epoch milliseconds. */
  @Property({ type: new BigIntType('number'), nullable: true })
  expire: number | null = null;
}
