import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank, SalesChannel } from '#platform/graphql';
import { ProductStatus, TaxClass } from '../entities';
import { HANDLE_MESSAGE, HANDLE_PATTERN, LIMITS } from './limits';
import { ImageInput, ProductOptionInput } from './product-option.input';
import { ProductVariantCreateInput } from './product-variant.input';

@InputType({ description: 'A new product with its variants.' })
export class ProductCreateInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.name)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the title when omitted.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.name)
  vendor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.name)
  productType?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.tags)
  @NotBlank({ each: true, message: "tags can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: 'Defaults to DRAFT.' })
  status?: ProductStatus | null;

  @Field(() => TaxClass, { nullable: true, description: 'Defaults to STANDARD.' })
  taxClass?: TaxClass | null;

  @Field(() => [SalesChannel], { nullable: true, description: 'Channels to publish to; none by default.' })
  channels?: SalesChannel[] | null;

  @Field(() => [ProductOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  options?: ProductOptionInput[] | null;

  @Field(() => [ImageInput], { nullable: true })
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
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.name)
  vendor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.name)
  productType?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.tags)
  @NotBlank({ each: true, message: "tags can't be blank" })
  @MaxLength(LIMITS.name, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus;

  @Field(() => TaxClass, { nullable: true })
  taxClass?: TaxClass | null;

  @Field(() => [ImageInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.images)
  @ValidateNested({ each: true })
  images?: ImageInput[] | null;
}
