import { ArrayMaxSize, ArrayNotEmpty, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Directive, Field, Float, ID, InputType, Int } from 'type-graphql';
import { NotBlank, SalesChannel } from '#platform/graphql';
import { StockLineInput } from './stock-line.input';

@InputType({ description: 'A point to measure distance from.' })
export class CoordinatesInput {
  @Field(() => Float, { description: 'Degrees north (negative: south), -90 to 90.' })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float, { description: 'Degrees east (negative: west), -180 to 180.' })
  @Min(-180)
  @Max(180)
  longitude!: number;
}

@InputType({ description: 'Units of one SKU to hold, at a location the caller chose or one the service chooses.' })
@Directive('@inaccessible')
export class InventoryReserveLineInput extends StockLineInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Hold this line here (the caller routed it); a SKU may then appear once per location. Otherwise as the input says.',
  })
  locationId?: string | null;
}

@InputType({ description: 'Stock to hold for a checkout.' })
@Directive('@inaccessible')
export class InventoryReserveInput {
  @Field(() => String, { description: 'Idempotency key: the same key returns the same reservation.' })
  @NotBlank()
  @MaxLength(200)
  key!: string;

  @Field(() => [InventoryReserveLineInput], { description: 'What to hold, all lines or none.' })
  @ArrayNotEmpty({ message: 'reserve at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: InventoryReserveLineInput[];

  @Field(() => ID, {
    nullable: true,
    description: 'Hold every line without its own location here (pickup, POS). Otherwise the service chooses.',
  })
  locationId?: string | null;

  @Field(() => CoordinatesInput, { nullable: true, description: 'Prefer locations nearest to this point.' })
  @IsOptional()
  @ValidateNested()
  near?: CoordinatesInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Split across locations when none has everything.' })
  allowSplit?: boolean | null;

  @Field(() => SalesChannel, { nullable: true })
  channel?: SalesChannel | null;

  @Field(() => String, { nullable: true, description: 'e.g. "cart:<id>".' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 900, description: 'Seconds until the hold expires (1 to 86400).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  ttlSeconds?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'A hold for a pickup: every location named must offer pickup (PICKUP_NOT_OFFERED otherwise). Checked when the hold is made; a replay of the key answers the hold made.',
  })
  pickup?: boolean | null;
}

@InputType({ description: 'A sale recorded by a till, possibly long after it happened offline.' })
@Directive('@inaccessible')
export class InventorySaleRecordInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(200)
  idempotencyKey!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => [StockLineInput])
  @ArrayNotEmpty({ message: 'record at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Sold while offline: recorded even if the system shows too little stock, then flagged.',
  })
  offline!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the sale happened; defaults to now.' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'Units of a hold at one location to sell or give back, under an idempotency key.' })
@Directive('@inaccessible')
export class InventoryReservationPartInput {
  @Field(() => ID, { description: "The reservation's id or the key it was made under." })
  @NotBlank()
  @MaxLength(200)
  id!: string;

  @Field(() => String, { description: 'A retry under the same key replays; the same key with other input is refused.' })
  @NotBlank()
  @MaxLength(200)
  idempotencyKey!: string;

  @Field(() => ID, { description: 'Where the units are held.' })
  locationId!: string;

  @Field(() => [StockLineInput], { description: 'Units per SKU, each SKU once.' })
  @ArrayNotEmpty({ message: 'name at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];
}

@InputType({ description: 'Held units to move from one location to another, under an idempotency key.' })
@Directive('@inaccessible')
export class InventoryReservationMoveInput {
  @Field(() => ID, { description: "The reservation's id or the key it was made under." })
  @NotBlank()
  @MaxLength(200)
  id!: string;

  @Field(() => String, { description: 'A retry under the same key replays; the same key with other input is refused.' })
  @NotBlank()
  @MaxLength(200)
  idempotencyKey!: string;

  @Field(() => ID, { description: 'Where the units are held now.' })
  fromLocationId!: string;

  @Field(() => ID, { description: 'Where to hold them instead; they must be available there.' })
  toLocationId!: string;

  @Field(() => [StockLineInput], { description: 'Units per SKU, each SKU once.' })
  @ArrayNotEmpty({ message: 'move at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];
}
