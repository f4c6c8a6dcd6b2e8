import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AddressInput, NotBlank } from '#platform/graphql';
import { LocationType } from '../entities';
import { CoordinatesInput } from './reservation.input';

@InputType({ description: 'A new store, warehouse or fulfilment centre.' })
export class LocationCreateInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(255)
  name!: string;

  @Field(() => LocationType)
  type!: LocationType;

  @Field(() => AddressInput)
  @ValidateNested()
  address!: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true, description: 'Needed for "nearest store" answers.' })
  @IsOptional()
  @ValidateNested()
  coordinates?: CoordinatesInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  pickupEnabled?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  fulfillsOnlineOrders?: boolean;
}

@InputType({ description: 'Changes to a location; omitted fields stay as they are.' })
export class LocationUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(255)
  name?: string;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  coordinates?: CoordinatesInput | null;

  @Field(() => Boolean, { nullable: true })
  pickupEnabled?: boolean;

  @Field(() => Boolean, { nullable: true })
  fulfillsOnlineOrders?: boolean;
}
