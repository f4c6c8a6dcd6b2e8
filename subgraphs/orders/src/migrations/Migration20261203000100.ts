import { Migration } from '@mikro-orm/migrations';

/** Checkout, orders, their lines, payments and events, and the TEST_CARD provider's state; order numbers from a sequence (#1001…). */
export class Migration20261203000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence if not exists "orders"."order_number_seq" start 1001;`);
    this.addSql(
      `create table "orders"."checkout" ("id" uuid not null, "cart_id" text not null, "caller_scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "state" text check ("state" in ('RUNNING', 'COMPENSATING', 'PLACED', 'COMPLETED', 'FAILED')) not null default 'RUNNING', "plan" jsonb not null, "steps" jsonb not null, "order_id" uuid null, "failure" jsonb null, "lease_until" timestamptz not null, "attempts" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "checkout_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "checkout_state_lease_until_index" on "orders"."checkout" ("state", "lease_until");`);
    this.addSql(`create unique index "checkout_live_cart_unique" on "orders"."checkout" ("cart_id") where "state" <> 'FAILED';`);
    this.addSql(
      `alter table "orders"."checkout" add constraint "checkout_caller_scope_idempotency_key_unique" unique ("caller_scope", "idempotency_key");`,
    );

    this.addSql(
      `create table "orders"."order_event" ("order_id" uuid not null, "sequence" int not null, "type" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null, constraint "order_event_pkey" primary key ("order_id", "sequence"));`,
    );

    this.addSql(
      `create table "orders"."order_line" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "sku" text not null, "product_id" text null, "variant_id" text null, "product_title" text not null, "variant_title" text null, "quantity" int not null, "unit_price_minor" bigint not null, "subtotal_minor" bigint not null, "discount_minor" bigint not null, "tax_minor" bigint not null, "total_minor" bigint not null, "discount_allocations" jsonb not null, "tax_lines" jsonb not null, "quantity_fulfilled" int not null default 0, constraint "order_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_line_order_id_position_index" on "orders"."order_line" ("order_id", "position");`);

    this.addSql(
      `create table "orders"."payment" ("id" uuid not null, "order_id" uuid not null, "method" text not null, "amount_minor" bigint not null, "currency_code" text not null, "source_hint" text null, "provider_reference" text null, "created_at" timestamptz not null, constraint "payment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "payment_order_id_index" on "orders"."payment" ("order_id");`);

    this.addSql(
      `create table "orders"."payment_event" ("id" bigserial primary key, "payment_id" uuid not null, "kind" text not null, "amount_minor" bigint not null, "status" text not null, "idempotency_key" text not null, "provider_reference" text null, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "orders"."payment_event" add constraint "payment_event_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "payment_event_payment_id_id_index" on "orders"."payment_event" ("payment_id", "id");`);

    this.addSql(
      `create table "orders"."test_card_answer" ("idempotency_key" text not null, "request" text not null, "result" jsonb not null, constraint "test_card_answer_pkey" primary key ("idempotency_key"));`,
    );

    this.addSql(
      `create table "orders"."test_card_authorization" ("reference" text not null, "amount_minor" bigint not null, "captured_minor" bigint not null default 0, "refunded_minor" bigint not null default 0, "state" text not null, constraint "test_card_authorization_pkey" primary key ("reference"));`,
    );

    this.addSql(
      `alter table "orders"."order" add column "cart_id" text null, add column "checkout_id" uuid null, add column "customer_id" uuid null, add column "email" text null, add column "currency_code" text not null, add column "status" text check ("status" in ('OPEN', 'CANCELLED', 'CLOSED')) not null default 'OPEN', add column "fulfillment_method" text check ("fulfillment_method" in ('SHIP', 'PICKUP', 'SHIP_TO_STORE')) not null, add column "shipping_address" jsonb null, add column "pickup_location_id" uuid null, add column "subtotal_minor" bigint not null default 0, add column "discount_total_minor" bigint not null default 0, add column "shipping_minor" bigint not null default 0, add column "shipping_discount_minor" bigint not null default 0, add column "tax_total_minor" bigint not null default 0, add column "total_minor" bigint not null default 0, add column "prices_include_tax" boolean not null default true, add column "tax_lines" jsonb not null, add column "discount_applications" jsonb not null, add column "event_sequence" int not null default 0, add column "processed_at" timestamptz not null;`,
    );
    this.addSql(`alter table "orders"."order" add constraint "order_cart_id_unique" unique ("cart_id");`);
    this.addSql(`create index "order_created_at_index" on "orders"."order" ("created_at");`);
    this.addSql(`create index "order_customer_id_created_at_index" on "orders"."order" ("customer_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "orders"."order_number_seq";`);
    this.addSql(`drop table if exists "orders"."checkout" cascade;`);

    this.addSql(`drop table if exists "orders"."order_event" cascade;`);

    this.addSql(`drop table if exists "orders"."order_line" cascade;`);

    this.addSql(`drop table if exists "orders"."payment" cascade;`);

    this.addSql(`drop table if exists "orders"."payment_event" cascade;`);

    this.addSql(`drop table if exists "orders"."test_card_answer" cascade;`);

    this.addSql(`drop table if exists "orders"."test_card_authorization" cascade;`);

    this.addSql(`alter table "orders"."order" drop constraint "order_cart_id_unique";`);
    this.addSql(`drop index "orders"."order_created_at_index";`);
    this.addSql(`drop index "orders"."order_customer_id_created_at_index";`);
    this.addSql(
      `alter table "orders"."order" drop column "cart_id", drop column "checkout_id", drop column "customer_id", drop column "email", drop column "currency_code", drop column "status", drop column "fulfillment_method", drop column "shipping_address", drop column "pickup_location_id", drop column "subtotal_minor", drop column "discount_total_minor", drop column "shipping_minor", drop column "shipping_discount_minor", drop column "tax_total_minor", drop column "total_minor", drop column "prices_include_tax", drop column "tax_lines", drop column "discount_applications", drop column "event_sequence", drop column "processed_at";`,
    );
  }
}
