import { ArrayMaxSize, ArrayNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { StockLineInput } from './stock-line.input';
import { MAX_DOCUMENT_LINES } from '../rules/stock-document';

@InputType({ description: 'A new transfer of stock from one location to another, created as a draft.' })
export class InventoryTransferCreateInput {
  @Field(() => ID, { description: 'Where the stock leaves from when the transfer ships.' })
  fromLocationId!: string;

  @Field(() => ID, { description: 'Where the stock arrives; it shows there as incoming while in transit.' })
  toLocationId!: string;

  @Field(() => [StockLineInput], { description: `One line per SKU, at most ${MAX_DOCUMENT_LINES}.` })
  @ArrayNotEmpty({ message: 'transfer at least one line' })
  @ArrayMaxSize(MAX_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];

  @Field(() => String, { nullable: true, description: 'A note for the receiving staff.' })
  @IsOptional()
  @MaxLength(1_000)
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A retry under the same key returns the same transfer; the same key with other input is refused.',
  })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  idempotencyKey?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Internal: the reservation whose units at the source this transfer carries; they stay held for it on the way and at the destination.',
  })
  @Directive('@inaccessible')
  reservationId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the transfer is for, shown to staff, e.g. "order #1001".' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}
