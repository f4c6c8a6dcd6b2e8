import { Embeddable, Property } from '@mikro-orm/core';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Directive, Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { NotBlank } from './validators';

/**
 * A postal address. Shared by locations and customers, so it is declared once here and is
 * @shareable in every subgraph; stored as embedded columns (`address_city`…).
 */
@ObjectType({ description: 'A postal address.' })
@Directive('@shareable')
@Embeddable()
export class Address {
  /**
   * GraphQL only, no column: a customer's saved addresses are rows of their own with an id to
   * update or delete them by; an address embedded in another record (a location's) has none.
   */
  @Field(() => ID, {
    nullable: true,
    description:
      "The saved address's id, to update or delete it by; null for an address that is part of another record, such as a location's.",
  })
  id?: string | null;

  @Field(() => String, { description: 'Street and number.' })
  @Property({ type: 'text' })
  address1!: string;

  @Field(() => String, { nullable: true, description: 'Apartment, suite, floor; null when none.' })
  @Property({ type: 'text', nullable: true })
  address2: string | null = null;

  @Field(() => String, { description: 'City or town.' })
  @Property({ type: 'text' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  @Property({ type: 'text', nullable: true })
  province: string | null = null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code; null where the country has none.' })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. "DE".' })
  @Property({ type: 'text', length: 2 })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'Phone number for delivery questions, E.164 (e.g. "+49301234567").' })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;
}

@InputType({ description: 'A postal address.' })
export class AddressInput {
  @Field(() => String, { description: 'Street and number (required).' })
  @NotBlank()
  @MaxLength(255)
  address1!: string;

  @Field(() => String, { nullable: true, description: 'Apartment, suite, floor.' })
  @IsOptional()
  @MaxLength(255)
  address2?: string | null;

  @Field(() => String, { description: 'City or town (required).' })
  @NotBlank()
  @MaxLength(255)
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  @IsOptional()
  @MaxLength(255)
  province?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' })
  @IsOptional()
  @MaxLength(32)
  postalCode?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. "DE" (required).' })
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as "DE"' })
  countryCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Phone number for delivery questions; national numbers are read in the shop's region.",
  })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;
}

/** A point on the earth, WGS 84. */
@ObjectType({ description: 'A point on the earth (WGS 84 degrees).' })
@Directive('@shareable')
export class Coordinates {
  @Field(() => Float, { description: 'Degrees north (negative: south), -90 to 90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Degrees east (negative: west), -180 to 180.' })
  longitude!: number;
}

/** The stored fields of an address from its input: trimmed, and blank optional fields as null. */
export function addressFields(input: AddressInput): Omit<Address, 'id'> {
  return {
    address1: input.address1.trim(),
    address2: input.address2?.trim() || null,
    city: input.city.trim(),
    province: input.province?.trim() || null,
    postalCode: input.postalCode?.trim() || null,
    countryCode: input.countryCode,
    phone: input.phone?.trim() || null,
  };
}
