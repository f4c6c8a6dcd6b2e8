import { ArrayMaxSize, ArrayNotEmpty, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { StockMovementReason } from '../entities';

@InputType({ description: 'A change of stock at one location, with its reason.' })
export class InventoryAdjustInput {
  @Field(() => String, { description: 'The SKU to adjust.' })
  @NotBlank()
  @MaxLength(64)
  sku!: string;

  @Field(() => ID, { description: 'The location whose stock changes.' })
  locationId!: string;

  @Field(() => Int, { description: 'Units in (positive) or out (negative); never zero.' })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;

  @Field(() => StockMovementReason, {
    description: "Why (CORRECTION, RECEIVED, RETURN, DAMAGED, LOST); staff may not give the system's reasons.",
  })
  reason!: StockMovementReason;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. a delivery note number.' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The onHand you saw; if stock moved since, nothing changes and STALE_QUANTITY is returned.',
  })
  expectedOnHand?: number | null;
}

@InputType({ description: 'A counted quantity of one SKU.' })
export class InventoryCountLineInput {
  @Field(() => String, { description: 'The SKU counted.' })
  @NotBlank()
  @MaxLength(64)
  sku!: string;

  @Field(() => Int, { description: 'Units found on the shelf (0 or more); onHand is set to it.' })
  @IsInt()
  @Min(0, { message: 'counted must be zero or more' })
  @Max(10_000_000)
  counted!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The onHand shown when counting started; if stock moved since, the count of this SKU is refused.',
  })
  expectedOnHand?: number | null;
}

@InputType({ description: 'Counted quantities at one location; each difference becomes a COUNT_CORRECTION.' })
export class InventoryCountInput {
  @Field(() => ID, { description: 'The location counted.' })
  locationId!: string;

  @Field(() => [InventoryCountLineInput], { description: 'What was counted, one line per SKU; at most 250.' })
  @ArrayNotEmpty({ message: 'count at least one SKU' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  counts!: InventoryCountLineInput[];

  @Field(() => String, { nullable: true, description: 'Your reference for the count, e.g. "count-2026-05".' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'The low-stock threshold of a SKU at a location; null clears it.' })
export class LowStockThresholdInput {
  @Field(() => String, { description: 'The SKU.' })
  @NotBlank()
  @MaxLength(64)
  sku!: string;

  @Field(() => ID, { description: 'The location.' })
  locationId!: string;

  @Field(() => Int, { nullable: true, description: 'Alert when available falls to or below this (0 or more); null removes the threshold.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'threshold must be zero or more' })
  @Max(1_000_000)
  threshold?: number | null;
}
