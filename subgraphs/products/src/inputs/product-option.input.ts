import { ArrayMaxSize, ArrayNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { LIMITS } from './limits';

@InputType({ description: 'An option and its values, e.g. Size: S, M, L.' })
export class ProductOptionInput {
  @Field(() => String, { description: 'The option\'s name, e.g. "Size"; unique within the product.' })
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => [String], { description: 'Its values in display order; at least one.' })
  @ArrayNotEmpty({ message: 'an option needs at least one value' })
  @ArrayMaxSize(LIMITS.optionValues)
  @NotBlank({ each: true, message: "option values can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  values!: string[];
}

@InputType({ description: 'The value of one option for a variant, e.g. Size: M.' })
export class SelectedOptionInput {
  @Field(() => String, { description: "A product option's name." })
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => String, { description: "One of that option's values." })
  @NotBlank()
  @MaxLength(LIMITS.name)
  value!: string;
}

@InputType({ description: 'A product image.' })
export class ImageInput {
  @Field(() => String, { description: 'Absolute http(s) URL of the image.' })
  @NotBlank()
  @MaxLength(LIMITS.url)
  url!: string;

  @Field(() => String, { nullable: true, description: 'Text for screen readers; at most 255 characters.' })
  @MaxLength(LIMITS.name)
  altText?: string | null;
}
