import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { CustomerProfileInput } from './customer-profile.input';

@InputType({ description: 'A new customer: at least an email or a phone; a password lets them sign in.' })
export class CustomerCreateInput extends CustomerProfileInput {
  @Field(() => String, { nullable: true, description: 'At least 10 characters, not only letters or only digits, not the email.' })
  @IsOptional()
  @MaxLength(200)
  password?: string | null;

  @Field(() => SalesChannel, { nullable: true, description: 'Where the customer signed up; WEB unless given.' })
  channel?: SalesChannel | null;
}
