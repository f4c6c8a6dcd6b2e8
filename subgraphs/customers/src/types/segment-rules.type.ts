import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, SalesChannel } from '#platform/graphql';
import type { SegmentRulesValues } from '../rules/segment-rules';

/**
 * A segment's rules, read (SegmentRules) and written (SegmentRulesInput) alike: a null field is
 * a rule the segment does not have, and a member meets all the others.
 */
@ObjectType('SegmentRules', {
  description: "A segment's rules; a null field is a rule the segment does not have. A member meets all the others.",
})
@InputType('SegmentRulesInput', { description: 'Rules a customer must all meet to be in a segment; give at least one.' })
export class SegmentRules implements SegmentRulesValues {
  @Field(() => [String], { nullable: true, description: 'Has at least one of these tags.' })
  tagsAny?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Has every one of these tags.' })
  tagsAll?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Has (true) or has not (false) agreed to marketing.' })
  acceptsMarketing?: boolean | null;

  @Field(() => [SalesChannel], { nullable: true, description: 'Was seen on at least one of these channels.' })
  channelsAny?: SalesChannel[] | null;

  @Field(() => [SalesChannel], { nullable: true, description: 'Was seen on every one of these channels.' })
  channelsAll?: SalesChannel[] | null;

  @Field(() => Date, { nullable: true, description: 'Signed up at or after this time.' })
  signedUpAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Signed up before this time.' })
  signedUpBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Has anything on their timeline at or after this time.' })
  activeSince?: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Their orders' totals less refunds and cancellations sum to at least this, in the shop's currency.",
  })
  spentAtLeast?: string | null;

  @Field(() => Int, { nullable: true, description: 'Has placed at least this many orders (1 to 100,000).' })
  ordersAtLeast?: number | null;

  @Field(() => Int, { nullable: true, description: 'Has placed an order within this many days (1 to 3,660).' })
  orderedWithinDays?: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Spends at least this per order on average (net of refunds and cancellations), in the shop's currency.",
  })
  averageOrderValueAtLeast?: string | null;

  @Field(() => [SalesChannel], {
    nullable: true,
    description: 'Has bought on at least one of these channels (an order not cancelled or refunded in full).',
  })
  purchaseChannelsAny?: SalesChannel[] | null;
}
