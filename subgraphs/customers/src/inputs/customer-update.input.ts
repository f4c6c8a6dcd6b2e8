import { Field, InputType } from 'type-graphql';
import { CustomerProfileInput } from './customer-profile.input';

@InputType({
  description: 'Changes to a customer; a field left out stays as it is, null clears it. The customer keeps an email or a phone.',
})
export class CustomerUpdateInput extends CustomerProfileInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Replaces the tags (staff only): trimmed, lower-case, each once, at most 50 of at most 40 characters.',
  })
  tags?: string[] | null;
}
