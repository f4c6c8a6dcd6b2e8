import { randomUUID } from 'node:crypto';
import { ArrayType, BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { Node } from '../types/node';
import { DiscountKind, DiscountScope, DiscountTargetType } from './discount-enums';

/**
 * An offer that applies the same way on every channel it is enabled for. Values are kept in
 * exact integers: basis points for percentages, minor units for amounts.
 */
@ObjectType({ description: 'An offer that applies the same way on every channel it is enabled for.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'discount' })
@Index({ properties: ['deactivatedAt', 'startsAt', 'endsAt'] })
export class Discount {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Discount/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The name shown to shoppers, e.g. "Spring 15%".' })
  @Property({ type: 'text' })
  title!: string;

  /** The code as staff wrote it; the API shows it to staff, and to others only when the discount is public. */
  @Property({ type: 'text', nullable: true })
  code: string | null = null;

  /** A code anyone may see (a campaign on a banner); otherwise only staff see it, and whoever was given it. */
  @Field(() => Boolean, { name: 'public', description: 'Whether anyone may see its code; otherwise only staff do (false unless set).' })
  @Property({ type: 'boolean', default: false })
  isPublic = false;

  /** Upper-cased code: codes are matched without regard to case. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  codeKey: string | null = null;

  @Field(() => DiscountKind, { description: 'PERCENTAGE, FIXED_AMOUNT, BUY_X_GET_Y or FREE_SHIPPING.' })
  @Enum({ items: () => DiscountKind })
  kind!: DiscountKind;

  @Field(() => DiscountScope, {
    nullable: true,
    description: 'What a PERCENTAGE or FIXED_AMOUNT is taken off: ITEMS, EACH_ITEM or the ORDER; null for the other kinds.',
  })
  @Enum({ items: () => DiscountScope, nullable: true })
  scope: DiscountScope | null = null;

  /** Percent off in basis points (PERCENTAGE; BUY_X_GET_Y: off the free units). */
  @Property({ type: 'integer', nullable: true })
  basisPoints: number | null = null;

  /** Amount off in minor units (FIXED_AMOUNT), or the shipping cap (FREE_SHIPPING). */
  @Property({ type: new BigIntType('number'), nullable: true })
  amount: number | null = null;

  @Field(() => Int, { nullable: true, description: 'BUY_X_GET_Y: units to buy; null for other kinds.' })
  @Property({ type: 'integer', nullable: true })
  buyQuantity: number | null = null;

  @Field(() => Int, { nullable: true, description: 'BUY_X_GET_Y: units that come free (the cheapest); null for other kinds.' })
  @Property({ type: 'integer', nullable: true })
  getQuantity: number | null = null;

  @Enum({ items: () => DiscountTargetType, default: DiscountTargetType.ALL })
  targetType: DiscountTargetType = DiscountTargetType.ALL;

  @Property({ type: ArrayType, default: '{}' })
  productIds: string[] = [];

  @Property({ type: ArrayType, default: '{}' })
  categoryIds: string[] = [];

  @Property({ type: new BigIntType('number'), nullable: true })
  minimumSubtotal: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Units of the targeted items the basket must hold.' })
  @Property({ type: 'integer', nullable: true })
  minimumQuantity: number | null = null;

  @Property({ type: 'text', length: 3 })
  currencyCode!: string;

  @Field(() => [SalesChannel], { description: 'Channels it applies on; empty means every channel.' })
  @Property({ type: ArrayType, default: '{}' })
  channels: SalesChannel[] = [];

  @Field(() => [ID], { description: 'Customer segments it is for; empty means everyone.' })
  @Property({ type: ArrayType, default: '{}' })
  segmentIds: string[] = [];

  @Field(() => Date, { nullable: true, description: 'When it starts; null: already started.' })
  @Property({ type: 'datetime', nullable: true })
  startsAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it ends; null: no end.' })
  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  deactivatedAt: Date | null = null;

  @Field(() => Int, { nullable: true, description: 'Total uses allowed; null: unlimited.' })
  @Property({ type: 'integer', nullable: true })
  usageLimit: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Uses allowed per customer; null: unlimited. Guests cannot use such a discount.' })
  @Property({ type: 'integer', nullable: true })
  usageLimitPerCustomer: number | null = null;

  @Field(() => Int, { description: 'Uses reserved or committed so far.' })
  @Property({ type: 'integer', default: 0 })
  usageCount = 0;

  @Property({ type: 'boolean', default: false })
  combinesWithProduct = false;

  @Property({ type: 'boolean', default: false })
  combinesWithOrder = false;

  @Property({ type: 'boolean', default: false })
  combinesWithShipping = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
