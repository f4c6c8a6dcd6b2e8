import { Migration } from '@mikro-orm/migrations';

export class Migration20261202213512 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."cart_discount_code" ("cart_id" text not null, "code" text not null, "created_at" timestamptz not null, constraint "cart_discount_code_pkey" primary key ("cart_id", "code"));`,
    );

    this.addSql(
      `create table "orders"."cart_line" ("id" uuid not null, "cart_id" text not null, "sku" text not null, "quantity" int not null, "price_at_add_minor" bigint null, "position" int not null, "created_at" timestamptz not null, constraint "cart_line_pkey" primary key ("id"), constraint cart_line_quantity_max check (quantity <= 999), constraint cart_line_quantity_min check (quantity >= 1));`,
    );
    this.addSql(`alter table "orders"."cart_line" add constraint "cart_line_cart_id_sku_unique" unique ("cart_id", "sku");`);

    this.addSql(
      `create table "orders"."shipping_rate" ("id" uuid not null, "zone_id" uuid not null, "name" text not null, "price_minor" bigint not null, "free_above_minor" bigint null, "min_days" int not null, "max_days" int not null, "position" int not null default 0, constraint "shipping_rate_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "orders"."shipping_zone" ("id" uuid not null, "name" text not null, "countries" text[] not null, "created_at" timestamptz not null, constraint "shipping_zone_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "orders"."tax_rate" ("id" uuid not null, "country_code" text not null, "region" text null, "tax_class" text check ("tax_class" in ('STANDARD', 'REDUCED', 'ZERO')) not null, "rate_basis_points" int not null, "name" text not null, constraint "tax_rate_pkey" primary key ("id"), constraint tax_rate_basis_points_max check (rate_basis_points <= 10000), constraint tax_rate_basis_points_min check (rate_basis_points >= 0));`,
    );
    this.addSql(
      `create unique index "tax_rate_destination_class_unique" on "orders"."tax_rate" ("country_code", coalesce("region", ''), "tax_class");`,
    );

    this.addSql(`alter table "orders"."cart" alter column "id" type text using ("id"::text);`);

    this.addSql(
      `alter table "orders"."cart" add column "status" text check ("status" in ('OPEN', 'COMPLETED', 'MERGED')) not null default 'OPEN', add column "merged_into_id" text null, add column "customer_id" uuid null, add column "email" text null, add column "phone" text null, add column "country_code" text null, add column "note" text null, add column "delivery_method" text check ("delivery_method" in ('SHIP', 'PICKUP', 'SHIP_TO_STORE')) null, add column "shipping_rate_id" uuid null, add column "pickup_location_id" uuid null, add column "shipping_address" jsonb null, add column "currency_code" text not null, add column "recovery_sent_at" timestamptz null, add column "version" int not null default 1;`,
    );
    this.addSql(`alter table "orders"."cart" alter column "id" type text using ("id"::text);`);
    this.addSql(
      `create unique index "cart_open_customer_unique" on "orders"."cart" ("customer_id") where "status" = 'OPEN' and "customer_id" is not null;`,
    );
    this.addSql(`create index "cart_status_updated_at_index" on "orders"."cart" ("status", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."cart_discount_code" cascade;`);

    this.addSql(`drop table if exists "orders"."cart_line" cascade;`);

    this.addSql(`drop table if exists "orders"."shipping_rate" cascade;`);

    this.addSql(`drop table if exists "orders"."shipping_zone" cascade;`);

    this.addSql(`drop table if exists "orders"."tax_rate" cascade;`);

    this.addSql(`drop index "orders"."cart_open_customer_unique";`);
    this.addSql(`drop index "orders"."cart_status_updated_at_index";`);
    this.addSql(
      `alter table "orders"."cart" drop column "status", drop column "merged_into_id", drop column "customer_id", drop column "email", drop column "phone", drop column "country_code", drop column "note", drop column "delivery_method", drop column "shipping_rate_id", drop column "pickup_location_id", drop column "shipping_address", drop column "currency_code", drop column "recovery_sent_at", drop column "version";`,
    );

    this.addSql(`alter table "orders"."cart" alter column "id" drop default;`);
    this.addSql(`alter table "orders"."cart" alter column "id" type uuid using ("id"::text::uuid);`);
  }
}
