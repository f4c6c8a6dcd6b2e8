import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const NAME_MAX = 100;

/** The fields a customer is described by, shared by sign-up and later changes. */
@InputType()
export abstract class CustomerProfileInput {
  @Field(() => String, { nullable: true, description: 'Stored trimmed and lower-case; unique among customers.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'International ("+49 30 1234567") or national in the shop\'s region; stored as E.164, unique among customers.',
  })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name; at most 100 characters.' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name; at most 100 characters.' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  lastName?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the customer agrees to receive marketing.' })
  acceptsMarketing?: boolean | null;
}
