import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput, NotBlank } from '#platform/graphql';
import { BARCODE_PATTERN, LIMITS, SKU_PATTERN } from './limits';
import { SelectedOptionInput } from './product-option.input';

@InputType({ description: 'A new variant of a product.' })
export class ProductVariantCreateInput {
  @Field(() => String, { description: 'Unique across the catalog: letters, digits and . _ - /' })
  @NotBlank()
  @MaxLength(LIMITS.sku)
  @Matches(SKU_PATTERN, { message: 'sku may hold only letters, digits and . _ - / and must start with a letter or digit' })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'EAN, UPC or other barcode; unique when given.' })
  @IsOptional()
  @MaxLength(LIMITS.barcode)
  @Matches(BARCODE_PATTERN, { message: 'barcode may hold only letters, digits and hyphens' })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the option values, e.g. "M / Red".' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  title?: string | null;

  @Field(() => MoneyInput, { description: 'The price of one unit (required).' })
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'The former price, shown struck through.' })
  compareAtPrice?: MoneyInput | null;

  @Field(() => [SelectedOptionInput], { nullable: true, description: "One value for each of the product's options." })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  selectedOptions?: SelectedOptionInput[] | null;

  @Field(() => Int, { nullable: true, description: "Where it sits among the product's variants, from 0; last when omitted." })
  position?: number | null;
}

@InputType({ description: 'Changes to a variant; omitted fields stay as they are, null clears.' })
export class ProductVariantUpdateInput {
  @Field(() => ID, { description: 'The variant to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new SKU, unique in the catalog.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.sku)
  @Matches(SKU_PATTERN, { message: 'sku may hold only letters, digits and . _ - / and must start with a letter or digit' })
  sku?: string;

  @Field(() => String, { nullable: true, description: 'A new barcode; null clears it.' })
  @IsOptional()
  @MaxLength(LIMITS.barcode)
  @Matches(BARCODE_PATTERN, { message: 'barcode may hold only letters, digits and hyphens' })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'A new title.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  title?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'A new price.' })
  price?: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'A new "was" price; null clears it.' })
  compareAtPrice?: MoneyInput | null;

  @Field(() => [SelectedOptionInput], {
    nullable: true,
    description: 'New option values; the combination must stay unique within the product.',
  })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  selectedOptions?: SelectedOptionInput[];

  @Field(() => Int, { nullable: true, description: "A new place among the product's variants, from 0." })
  position?: number;
}
