import { Migration } from '@mikro-orm/migrations';

/** Fulfilment orders and fulfilments; pickup code and deadline, cancellation on orders; cancelled units on lines. */
export class Migration20261203050928 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."fulfillment" ("id" uuid not null, "order_id" uuid not null, "fulfillment_order_id" uuid not null, "location_id" uuid not null, "kind" text check ("kind" in ('SHIPMENT', 'PICKUP')) not null, "state" text check ("state" in ('PENDING', 'DONE')) not null default 'PENDING', "lines" jsonb not null, "tracking" jsonb not null, "caller_scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "staff_id" text null, "created_at" timestamptz not null, constraint "fulfillment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "fulfillment_state_created_at_index" on "orders"."fulfillment" ("state", "created_at");`);
    this.addSql(`create index "fulfillment_order_id_created_at_index" on "orders"."fulfillment" ("order_id", "created_at");`);
    this.addSql(
      `alter table "orders"."fulfillment" add constraint "fulfillment_caller_scope_idempotency_key_unique" unique ("caller_scope", "idempotency_key");`,
    );

    this.addSql(
      `create table "orders"."fulfillment_order" ("id" uuid not null, "order_id" uuid not null, "location_id" uuid not null, "destination_location_id" uuid null, "method" text check ("method" in ('SHIP', 'PICKUP', 'SHIP_TO_STORE')) not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'AWAITING_TRANSFER', 'READY_FOR_PICKUP', 'CLOSED', 'CANCELLED')) not null default 'OPEN', "lines" jsonb not null, "transfer_id" uuid null, "moved_from_id" uuid null, "move_key" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "fulfillment_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "fulfillment_order_order_id_index" on "orders"."fulfillment_order" ("order_id");`);
    this.addSql(
      `create index "fulfillment_order_destination_location_id_status_c_ff9a1_index" on "orders"."fulfillment_order" ("destination_location_id", "status", "created_at");`,
    );
    this.addSql(
      `create index "fulfillment_order_location_id_status_created_at_index" on "orders"."fulfillment_order" ("location_id", "status", "created_at");`,
    );

    this.addSql(
      `alter table "orders"."order" add column "pickup_code" text null, add column "ready_for_pickup_at" timestamptz null, add column "pickup_deadline" timestamptz null, add column "cancelled_at" timestamptz null, add column "cancel_reason" text null;`,
    );
    this.addSql(`create index "order_pickup_deadline_index" on "orders"."order" ("pickup_deadline");`);

    this.addSql(`alter table "orders"."order_line" add column "quantity_cancelled" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."fulfillment" cascade;`);

    this.addSql(`drop table if exists "orders"."fulfillment_order" cascade;`);

    this.addSql(`drop index "orders"."order_pickup_deadline_index";`);
    this.addSql(
      `alter table "orders"."order" drop column "pickup_code", drop column "ready_for_pickup_at", drop column "pickup_deadline", drop column "cancelled_at", drop column "cancel_reason";`,
    );

    this.addSql(`alter table "orders"."order_line" drop column "quantity_cancelled";`);
  }
}
