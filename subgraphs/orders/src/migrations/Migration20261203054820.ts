import { Migration } from '@mikro-orm/migrations';

/** Till sales on orders (store, staff, the device's order id, drawer session, flags) and cash drawer sessions, one open per device. */
export class Migration20261203054820 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."pos_session" ("id" uuid not null, "location_id" uuid not null, "device_id" text not null, "opened_by" text not null, "opening_float_minor" bigint not null, "currency_code" text not null, "opened_at" timestamptz not null, "closed_by" text null, "closed_at" timestamptz null, "expected_minor" bigint null, "counted_minor" bigint null, "difference_minor" bigint null, constraint "pos_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pos_session_location_id_opened_at_index" on "orders"."pos_session" ("location_id", "opened_at");`);

    this.addSql(
      `alter table "orders"."order" add column "location_id" uuid null, add column "staff_id" text null, add column "client_order_id" text null, add column "client_request_hash" text null, add column "device_id" text null, add column "pos_session_id" uuid null, add column "flags" jsonb not null;`,
    );
    this.addSql(`alter table "orders"."order" add constraint "order_client_order_id_unique" unique ("client_order_id");`);
    this.addSql(`create index "order_location_id_processed_at_index" on "orders"."order" ("location_id", "processed_at");`);
    this.addSql(`create index "order_pos_session_id_index" on "orders"."order" ("pos_session_id");`);
    this.addSql(`create unique index "pos_session_open_device_unique" on "orders"."pos_session" ("device_id") where "closed_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "orders"."pos_session_open_device_unique";`);
    this.addSql(`drop table if exists "orders"."pos_session" cascade;`);

    this.addSql(`alter table "orders"."order" drop constraint "order_client_order_id_unique";`);
    this.addSql(`drop index "orders"."order_location_id_processed_at_index";`);
    this.addSql(`drop index "orders"."order_pos_session_id_index";`);
    this.addSql(
      `alter table "orders"."order" drop column "location_id", drop column "staff_id", drop column "client_order_id", drop column "client_request_hash", drop column "device_id", drop column "pos_session_id", drop column "flags";`,
    );
  }
}
