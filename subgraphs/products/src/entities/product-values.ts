import { Field, ObjectType } from 'type-graphql';

/** An option a product varies by, e.g. Size with S, M, L. */
@ObjectType({ description: 'An option a product varies by, e.g. Size with S, M, L.' })
export class ProductOption {
  @Field(() => String, { description: 'The option\'s name, e.g. "Size".' })
  name!: string;

  @Field(() => [String], { description: 'The option\'s values in display order, e.g. ["S", "M", "L"].' })
  values!: string[];
}

/** The value a variant has for one option, e.g. Size: M. */
@ObjectType({ description: 'The value a variant has for one option, e.g. Size: M.' })
export class SelectedOption {
  @Field(() => String, { description: 'The option\'s name, e.g. "Size".' })
  name!: string;

  @Field(() => String, { description: 'This variant\'s value of it, e.g. "M".' })
  value!: string;
}

@ObjectType({ description: 'A product image.' })
export class Image {
  @Field(() => String, { description: 'Absolute URL of the image.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Text for screen readers and when the image cannot load; null when none.' })
  altText?: string | null;
}
