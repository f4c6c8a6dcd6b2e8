import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SCHEMA } from '../constants';

/**
 * A cash drawer at one till, from opening with a float to closing with the cash counted. Its
 * expected cash is the float plus what its cash tenders kept (handed over less change), less cash
 * refunds; the difference is counted − expected, recorded at closing. One open session per
 * device at a store (a partial unique index): tills name themselves, so two stores may both have a "till-1".
 */
@Entity({ tableName: 'pos_session' })
@Index({ properties: ['locationId', 'openedAt'] })
@Index({
  name: 'pos_session_open_device_unique',
  expression: `create unique index "pos_session_open_device_unique" on "${SCHEMA}"."pos_session" ("location_id", "device_id") where "closed_at" is null`,
})
export class PosSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  locationId!: string;

  @Property({ type: 'text' })
  deviceId!: string;

  /** Who opened it. */
  @Property({ type: 'text' })
  openedBy!: string;

  @Property({ type: new BigIntType('number') })
  openingFloatMinor!: number;

  @Property({ type: 'text' })
  currencyCode!: string;

  @Property({ type: 'datetime' })
  openedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  closedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  /** Set at closing: what the drawer should hold, what was counted, and counted − expected. */
  @Property({ type: new BigIntType('number'), nullable: true })
  expectedMinor: number | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  countedMinor: number | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  differenceMinor: number | null = null;
}
