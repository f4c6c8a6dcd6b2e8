import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { MoneyInput, NotBlank } from '#platform/graphql';

@InputType({ description: 'A new gift card.' })
export class GiftCardCreateInput {
  @Field(() => MoneyInput, { description: 'More than zero, in the shop currency.' })
  initialValue!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'The last day the card can be used, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date as YYYY-MM-DD' })
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The customer it belongs to; anyone who holds the code when omitted.' })
  @IsOptional()
  @MaxLength(200)
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for staff; at most 500 characters.' })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@InputType({ description: 'Part or all of a gift card balance spent at checkout.' })
@Directive('@inaccessible')
export class GiftCardDebitInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(100)
  code!: string;

  @Field(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'Money given back to a gift card, named by code or id.' })
@Directive('@inaccessible')
export class GiftCardRefundInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  code?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  id?: string | null;

  @Field(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}
