import { IsOptional, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { MoneyInput, NotBlank } from '#platform/graphql';

@InputType({ description: 'Store credit to give a customer.' })
export class StoreCreditIssueInput {
  @Field(() => ID, { description: 'The customer to credit.' })
  @NotBlank()
  @MaxLength(200)
  customerId!: string;

  @Field(() => MoneyInput, { description: 'More than zero, in the shop currency.' })
  amount!: MoneyInput;

  @Field(() => String, { description: 'Why the credit is given, kept in the ledger.' })
  @NotBlank()
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'Store credit spent at checkout.' })
@Directive('@inaccessible')
export class StoreCreditDebitInput {
  @Field(() => ID)
  @NotBlank()
  @MaxLength(200)
  customerId!: string;

  @Field(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'What the debit pays for, e.g. an order.' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}
