import { IsInt, IsOptional, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { AddressInput, NotBlank } from '#platform/graphql';
import { LocationType } from '../entities';
import { CoordinatesInput } from './reservation.input';

@InputType({ description: 'A new store, warehouse or fulfilment centre.' })
export class LocationCreateInput {
  @Field(() => String, { description: 'The name (required, unique).' })
  @NotBlank()
  @MaxLength(255)
  name!: string;

  @Field(() => LocationType, { description: 'STORE, WAREHOUSE or FULFILLMENT_CENTER.' })
  type!: LocationType;

  @Field(() => AddressInput, { description: 'Where it is (required).' })
  @ValidateNested()
  address!: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true, description: 'Needed for "nearest store" answers.' })
  @IsOptional()
  @ValidateNested()
  coordinates?: CoordinatesInput | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Whether shoppers may pick up online orders here; false when omitted.',
  })
  pickupEnabled?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether online orders ship from here; true when omitted.' })
  fulfillsOnlineOrders?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Ranking for online orders, 1 first (at least 1); null or omitted: after every ranked one.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  fulfillmentRank?: number | null;
}

@InputType({ description: 'Changes to a location; omitted fields stay as they are.' })
export class LocationUpdateInput {
  @Field(() => String, { nullable: true, description: 'A new name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(255)
  name?: string;

  @Field(() => AddressInput, { nullable: true, description: 'A new address.' })
  @IsOptional()
  @ValidateNested()
  address?: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true, description: 'New coordinates; null clears them.' })
  @IsOptional()
  @ValidateNested()
  coordinates?: CoordinatesInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether shoppers may pick up online orders here.' })
  pickupEnabled?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether online orders ship from here.' })
  fulfillsOnlineOrders?: boolean;

  @Field(() => Int, { nullable: true, description: 'A new ranking for online orders, 1 first (at least 1); null clears it.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  fulfillmentRank?: number | null;
}
