import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { StaffRole } from '../entities';

@InputType({ description: 'A new staff member.' })
export class StaffCreateInput {
  @Field(() => String, { description: 'Full name (required).' })
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'Stored trimmed and lower-case; unique among staff.' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'At least 10 characters, not only letters or only digits, not the email.' })
  @MaxLength(200)
  password!: string;

  @Field(() => StaffRole, { description: 'STAFF, MANAGER or ADMIN; only an ADMIN adds an ADMIN.' })
  role!: StaffRole;

  @Field(() => ID, { nullable: true, description: 'The store they work at; carried in their tokens.' })
  locationId?: string | null;
}
