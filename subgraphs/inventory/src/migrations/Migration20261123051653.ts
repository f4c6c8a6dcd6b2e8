import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051653 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "inventory";`);
    this.addSql(`create table "inventory"."location" ("id" uuid not null, "name" text not null, "type" text check ("type" in ('STORE', 'WAREHOUSE', 'FULFILLMENT_CENTER')) not null, "address_address1" text not null, "address_address2" text null, "address_city" text not null, "address_province" text null, "address_postal_code" text null, "address_country_code" text not null, "address_phone" text null, "latitude" double precision null, "longitude" double precision null, "pickup_enabled" boolean not null default false, "fulfills_online_orders" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "location_pkey" primary key ("id"));`);
    this.addSql(`alter table "inventory"."location" add constraint "location_name_unique" unique ("name");`);
  }

}
