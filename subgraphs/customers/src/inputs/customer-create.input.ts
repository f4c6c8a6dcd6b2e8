import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const NAME_MAX = 100;

@InputType({ description: 'A new customer: at least an email or a phone; a password lets them sign in.' })
export class CustomerCreateInput {
  @Field(() => String, { nullable: true, description: 'Stored trimmed and lower-case.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'International ("+49 30 1234567") or national in the shop\'s region; stored as E.164.' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NAME_MAX)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NAME_MAX)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'At least 10 characters, not only letters or only digits, not the email.' })
  @IsOptional()
  @MaxLength(200)
  password?: string | null;

  @Field(() => Boolean, { nullable: true })
  acceptsMarketing?: boolean | null;
}
