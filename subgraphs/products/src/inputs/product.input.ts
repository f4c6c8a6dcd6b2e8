import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank, SalesChannel } from '#platform/graphql';
import { ProductStatus, TaxClass } from '../entities';
import { HANDLE_MESSAGE, HANDLE_PATTERN, LIMITS } from './limits';
import { ImageInput, ProductOptionInput } from './product-option.input';
import { ProductVariantCreateInput } from './product-variant.input';

@InputType({ description: 'A new product with its variants.' })
export class ProductCreateInput {
  @Field(() => String, { description: 'The name shown to shoppers (required, at most 255 characters).' })
  @NotBlank()
  @MaxLength(LIMITS.name)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the title when omitted.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string | null;

  @Field(() => String, { nullable: true, description: 'Plain-text description.' })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The brand or maker.' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'A free-form type for grouping.' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  productType?: string | null;

  @Field(() => [String], { nullable: true, description: 'Free-form labels; a tag given twice (ignoring case) is kept once.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.tags)
  @NotBlank({ each: true, message: "tags can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The category to file it under.' })
  categoryId?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: 'Defaults to DRAFT.' })
  status?: ProductStatus | null;

  @Field(() => TaxClass, { nullable: true, description: 'Defaults to STANDARD.' })
  taxClass?: TaxClass | null;

  @Field(() => [SalesChannel], { nullable: true, description: 'Channels to publish to; none by default.' })
  channels?: SalesChannel[] | null;

  @Field(() => [ProductOptionInput], { nullable: true, description: 'The options its variants differ by, e.g. Size and Colour.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  options?: ProductOptionInput[] | null;

  @Field(() => [ImageInput], { nullable: true, description: 'Images in display order.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.images)
  @ValidateNested({ each: true })
  images?: ImageInput[] | null;

  @Field(() => [ProductVariantCreateInput], { description: 'At least one; a product is bought through its variants.' })
  @ArrayNotEmpty({ message: 'a product needs at least one variant' })
  @ArrayMaxSize(LIMITS.variantsPerProduct)
  @ValidateNested({ each: true })
  variants!: ProductVariantCreateInput[];
}

@InputType({ description: 'Changes to a product; omitted fields stay as they are, null clears.' })
export class ProductUpdateInput {
  @Field(() => String, { nullable: true, description: 'A new name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  title?: string;

  @Field(() => String, { nullable: true, description: 'A new URL handle: lower-case letters, digits and hyphens, unique.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A new brand or maker; null clears it.' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  vendor?: string | null;

  @Field(() => String, { nullable: true, description: 'A new type; null clears it.' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  productType?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.tags)
  @NotBlank({ each: true, message: "tags can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Another category; null removes it from its category.' })
  categoryId?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: 'A new status (DRAFT, ACTIVE, ARCHIVED).' })
  status?: ProductStatus;

  @Field(() => TaxClass, { nullable: true, description: 'The tax class its variants are taxed at.' })
  taxClass?: TaxClass | null;

  @Field(() => [ImageInput], { nullable: true, description: 'Replaces all images.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.images)
  @ValidateNested({ each: true })
  images?: ImageInput[] | null;
}
