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

@InputType({ description: 'Stock to hold for a checkout.' })
@Directive('@inaccessible')
export class InventoryReserveInput {
  @Field(() => String, { description: 'Idempotency key: the same key returns the same reservation.' })
  @NotBlank()
  @MaxLength(200)
  key!: string;

  @Field(() => [StockLineInput])
  @ArrayNotEmpty({ message: 'reserve at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];

  @Field(() => ID, { nullable: true, description: 'Hold everything here (pickup, POS). Otherwise the service chooses.' })
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
