import { Migration } from '@mikro-orm/migrations';

export class Migration20261123060113 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "inventory";`);
    this.addSql(
      `create table "inventory"."idempotency_record" ("scope" text not null, "key" text not null, "request_hash" text not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("scope", "key"));`,
    );

    this.addSql(
      `create table "inventory"."inventory_item" ("sku" text not null, "supplier" text null, "case_size" int not null default 1, "unit_cost_amount" bigint null, constraint "inventory_item_pkey" primary key ("sku"));`,
    );

    this.addSql(
      `create table "inventory"."location" ("id" uuid not null, "name" text not null, "type" text check ("type" in ('STORE', 'WAREHOUSE', 'FULFILLMENT_CENTER')) not null, "address_address1" text not null, "address_address2" text null, "address_city" text not null, "address_province" text null, "address_postal_code" text null, "address_country_code" text not null, "address_phone" text null, "latitude" double precision null, "longitude" double precision null, "pickup_enabled" boolean not null default false, "fulfills_online_orders" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "location_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "inventory"."location" add constraint "location_name_unique" unique ("name");`);

    this.addSql(
      `create table "inventory"."inventory_transfer" ("id" uuid not null, "number" text not null, "from_location_id" uuid not null, "to_location_id" uuid not null, "status" text check ("status" in ('DRAFT', 'IN_TRANSIT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')) not null default 'DRAFT', "lines" jsonb not null, "note" text null, "created_at" timestamptz not null, "shipped_at" timestamptz null, "received_at" timestamptz null, constraint "inventory_transfer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "inventory"."inventory_transfer" add constraint "inventory_transfer_number_unique" unique ("number");`);
    this.addSql(`create index "inventory_transfer_created_at_id_index" on "inventory"."inventory_transfer" ("created_at", "id");`);
    this.addSql(`create index "inventory_transfer_status_created_at_index" on "inventory"."inventory_transfer" ("status", "created_at");`);

    this.addSql(
      `create table "inventory"."inventory_level" ("id" uuid not null, "sku" text not null, "location_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "incoming" int not null default 0, "low_stock_threshold" int null, "version" int not null default 0, "needs_reconciliation" boolean not null default false, "updated_at" timestamptz not null, constraint "inventory_level_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inventory_level_location_id_sku_index" on "inventory"."inventory_level" ("location_id", "sku");`);
    this.addSql(
      `alter table "inventory"."inventory_level" add constraint "inventory_level_sku_location_id_unique" unique ("sku", "location_id");`,
    );

    this.addSql(
      `create table "inventory"."outbox_event" ("id" bigserial primary key, "topic" text not null, "key" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "outbox_event_topic_id_index" on "inventory"."outbox_event" ("topic", "id");`);

    this.addSql(
      `create table "inventory"."purchase_order" ("id" uuid not null, "number" text not null, "supplier" text not null, "location_id" uuid not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')) not null default 'DRAFT', "lines" jsonb not null, "expected_at" timestamptz null, "created_at" timestamptz not null, "submitted_at" timestamptz null, "received_at" timestamptz null, constraint "purchase_order_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "inventory"."purchase_order" add constraint "purchase_order_number_unique" unique ("number");`);
    this.addSql(`create index "purchase_order_location_id_status_index" on "inventory"."purchase_order" ("location_id", "status");`);
    this.addSql(`create index "purchase_order_created_at_id_index" on "inventory"."purchase_order" ("created_at", "id");`);
    this.addSql(`create index "purchase_order_status_created_at_index" on "inventory"."purchase_order" ("status", "created_at");`);

    this.addSql(
      `create table "inventory"."reservation" ("id" uuid not null, "key" text not null, "request_hash" text not null, "status" text check ("status" in ('PENDING', 'COMMITTED', 'RELEASED', 'EXPIRED')) not null default 'PENDING', "lines" jsonb not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) null, "reference" text null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "reservation_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "inventory"."reservation" add constraint "reservation_key_unique" unique ("key");`);
    this.addSql(`create index "reservation_status_expires_at_index" on "inventory"."reservation" ("status", "expires_at");`);

    this.addSql(
      `create table "inventory"."stock_movement" ("id" bigserial primary key, "sku" text not null, "location_id" uuid not null, "reason" text check ("reason" in ('CORRECTION', 'RECEIVED', 'RETURN', 'DAMAGED', 'LOST', 'SALE', 'COUNT_CORRECTION', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVATION', 'RELEASE', 'INCOMING')) not null, "quantity" int not null default 0, "reserved_delta" int not null default 0, "incoming_delta" int not null default 0, "on_hand_after" int not null, "available_after" int not null, "version" int not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) null, "reference" text null, "actor" text null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null);`,
    );
    this.addSql(`create index "stock_movement_location_id_id_index" on "inventory"."stock_movement" ("location_id", "id");`);
    this.addSql(`create index "stock_movement_sku_location_id_id_index" on "inventory"."stock_movement" ("sku", "location_id", "id");`);

    this.addSql(
      `alter table "inventory"."inventory_transfer" add constraint "inventory_transfer_from_location_id_foreign" foreign key ("from_location_id") references "inventory"."location" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "inventory"."inventory_transfer" add constraint "inventory_transfer_to_location_id_foreign" foreign key ("to_location_id") references "inventory"."location" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "inventory"."inventory_level" add constraint "inventory_level_location_id_foreign" foreign key ("location_id") references "inventory"."location" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "inventory"."purchase_order" add constraint "purchase_order_location_id_foreign" foreign key ("location_id") references "inventory"."location" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "inventory"."stock_movement" add constraint "stock_movement_location_id_foreign" foreign key ("location_id") references "inventory"."location" ("id") on update cascade on delete restrict;`,
    );
  }
}
