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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.barcode)
  @Matches(BARCODE_PATTERN, { message: 'barcode may hold only letters, digits and hyphens' })
  barcode?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the option values, e.g. "M / Red".' })
  @IsOptional()
  @MaxLength(LIMITS.name)
  title?: string | null;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'The former price, shown struck through.' })
  compareAtPrice?: MoneyInput | null;

  @Field(() => [SelectedOptionInput], { nullable: true, description: "One value for each of the product's options." })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  selectedOptions?: SelectedOptionInput[] | null;

  @Field(() => Int, { nullable: true })
  position?: number | null;
}

@InputType({ description: 'Changes to a variant; omitted fields stay as they are, null clears.' })
export class ProductVariantUpdateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.sku)
  @Matches(SKU_PATTERN, { message: 'sku may hold only letters, digits and . _ - / and must start with a letter or digit' })
  sku?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.barcode)
  @Matches(BARCODE_PATTERN, { message: 'barcode may hold only letters, digits and hyphens' })
  barcode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  title?: string;

  @Field(() => MoneyInput, { nullable: true })
  price?: MoneyInput;

  @Field(() => MoneyInput, { nullable: true })
  compareAtPrice?: MoneyInput | null;

  @Field(() => [SelectedOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  selectedOptions?: SelectedOptionInput[];

  @Field(() => Int, { nullable: true })
  position?: number;
}
