import { IsOptional, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { CustomerEventType } from '../entities';

@InputType({ description: "An interaction to record on a customer's timeline." })
export class CustomerEventTrackInput {
  @Field(() => ID, { nullable: true, description: 'The customer; the signed-in customer when left out.' })
  customerId?: string | null;

  @Field(() => CustomerEventType, { description: 'PRODUCT_VIEWED, CART_ABANDONED, STORE_VISIT or SUPPORT_CONTACT.' })
  type!: CustomerEventType;

  @Field(() => SalesChannel, { nullable: true, description: 'Where it happened.' })
  channel?: SalesChannel | null;

  @Field(() => ID, { nullable: true, description: 'The product concerned, if any.' })
  @IsOptional()
  @MaxLength(100)
  productId?: string | null;

  @Field(() => ID, { nullable: true, description: "The store; a staff member's own store when left out." })
  @IsOptional()
  @MaxLength(100)
  locationId?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details of the interaction, at most 4 KB as JSON.' })
  data?: Record<string, unknown> | null;
}
