import { Migration } from '@mikro-orm/migrations';

/** Returns and refunds: order_return (what comes back, where, and what the store found) and refund (a saga row like cancellation), and per-line return and refund counters. */
export class Migration20261203060331 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."order_return" ("id" uuid not null, "order_id" uuid not null, "status" text not null, "location_id" uuid null, "channel" text not null, "lines" jsonb not null, "restocks" jsonb not null, "decline_reason" text null, "caller_scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "order_return_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_return_order_id_index" on "orders"."order_return" ("order_id");`);
    this.addSql(
      `alter table "orders"."order_return" add constraint "order_return_caller_scope_idempotency_key_unique" unique ("caller_scope", "idempotency_key");`,
    );

    this.addSql(
      `create table "orders"."refund" ("id" uuid not null, "order_id" uuid not null, "caller_scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "state" text not null default 'RUNNING', "refund_to" text not null, "total_minor" bigint not null, "plan" jsonb not null, "steps" jsonb not null, "lease_until" timestamptz not null, "attempts" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "refund_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "refund_order_id_index" on "orders"."refund" ("order_id");`);
    this.addSql(`create index "refund_state_lease_until_index" on "orders"."refund" ("state", "lease_until");`);
    this.addSql(
      `alter table "orders"."refund" add constraint "refund_caller_scope_idempotency_key_unique" unique ("caller_scope", "idempotency_key");`,
    );

    this.addSql(
      `alter table "orders"."order_line" add column "quantity_return_requested" int not null default 0, add column "quantity_returned" int not null default 0, add column "quantity_refunded" int not null default 0;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."order_return" cascade;`);

    this.addSql(`drop table if exists "orders"."refund" cascade;`);

    this.addSql(
      `alter table "orders"."order_line" drop column "quantity_return_requested", drop column "quantity_returned", drop column "quantity_refunded";`,
    );
  }
}
