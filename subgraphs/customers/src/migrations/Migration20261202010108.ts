import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010108 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers"."customer_address" ("id" uuid not null, "customer_id" uuid not null, "address1" text not null, "address2" text null, "city" text not null, "province" text null, "postal_code" text null, "country_code" text not null, "phone" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_address_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "customer_address_customer_id_index" on "customers"."customer_address" ("customer_id");`);

    this.addSql(
      `create table "customers"."customer_event" ("id" bigserial primary key, "customer_id" uuid not null, "type" text check ("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED')) not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) null, "product_id" text null, "location_id" text null, "data" jsonb null, "occurred_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "customer_event_customer_id_occurred_at_id_index" on "customers"."customer_event" ("customer_id", "occurred_at", "id");`,
    );

    this.addSql(
      `create table "customers"."customer_identity" ("id" bigserial primary key, "customer_id" uuid not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) not null, "external_id" text null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null);`,
    );
    this.addSql(
      `create unique index "customer_identity_channel_presence_unique" on "customers"."customer_identity" ("customer_id", "channel") where "external_id" is null;`,
    );
    this.addSql(
      `create index "customer_identity_customer_id_channel_index" on "customers"."customer_identity" ("customer_id", "channel");`,
    );
    this.addSql(
      `alter table "customers"."customer_identity" add constraint "customer_identity_channel_external_id_unique" unique ("channel", "external_id");`,
    );

    this.addSql(
      `create table "customers"."outbox_event" ("id" bigserial primary key, "topic" text not null, "key" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "outbox_event_topic_id_index" on "customers"."outbox_event" ("topic", "id");`);

    this.addSql(
      `create table "customers"."segment" ("id" uuid not null, "name" text not null, "description" text null, "rules" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "segment_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customers"."segment" add constraint "segment_name_unique" unique ("name");`);

    this.addSql(
      `alter table "customers"."customer_address" add constraint "customer_address_customer_id_foreign" foreign key ("customer_id") references "customers"."customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_customer_id_foreign" foreign key ("customer_id") references "customers"."customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "customers"."customer_identity" add constraint "customer_identity_customer_id_foreign" foreign key ("customer_id") references "customers"."customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "customers"."customer" add column "default_address_id" uuid null, add column "merged_into_id" uuid null, add column "merged_at" timestamptz null, add column "erased_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "customers"."customer" add constraint "customer_default_address_id_foreign" foreign key ("default_address_id") references "customers"."customer_address" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "customers"."customer" add constraint "customer_merged_into_id_foreign" foreign key ("merged_into_id") references "customers"."customer" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create index "customer_default_address_id_index" on "customers"."customer" ("default_address_id");`);
    this.addSql(`create index "customer_merged_into_id_index" on "customers"."customer" ("merged_into_id");`);
    this.addSql(`create index "customer_created_at_id_index" on "customers"."customer" ("created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers"."customer" drop constraint "customer_default_address_id_foreign";`);

    this.addSql(`drop table if exists "customers"."customer_address" cascade;`);

    this.addSql(`drop table if exists "customers"."customer_event" cascade;`);

    this.addSql(`drop table if exists "customers"."customer_identity" cascade;`);

    this.addSql(`drop table if exists "customers"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "customers"."segment" cascade;`);

    this.addSql(`alter table "customers"."customer" drop constraint "customer_merged_into_id_foreign";`);

    this.addSql(`drop index "customers"."customer_default_address_id_index";`);
    this.addSql(`drop index "customers"."customer_merged_into_id_index";`);
    this.addSql(`drop index "customers"."customer_created_at_id_index";`);
    this.addSql(
      `alter table "customers"."customer" drop column "default_address_id", drop column "merged_into_id", drop column "merged_at", drop column "erased_at";`,
    );
  }
}
