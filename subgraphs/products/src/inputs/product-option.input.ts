import { ArrayMaxSize, ArrayNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { LIMITS } from './limits';

@InputType({ description: 'An option and its values, e.g. Size: S, M, L.' })
export class ProductOptionInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => [String])
  @ArrayNotEmpty({ message: 'an option needs at least one value' })
  @ArrayMaxSize(LIMITS.optionValues)
  @NotBlank({ each: true, message: "option values can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  values!: string[];
}

@InputType({ description: 'The value of one option for a variant, e.g. Size: M.' })
export class SelectedOptionInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.name)
  value!: string;
}

@InputType({ description: 'A product image.' })
export class ImageInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.url)
  url!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(LIMITS.name)
  altText?: string | null;
}
