import { Migration } from '@mikro-orm/migrations';

/** Refunds as customers keep them (total spent subtracts them), and the return and refund timeline entries. */
export class Migration20261203062241 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers"."customer_refund" ("refund_id" uuid not null, "order_id" uuid not null, "customer_id" uuid not null, "amount_minor" bigint not null, "refunded_at" timestamptz not null, constraint "customer_refund_pkey" primary key ("refund_id"));`,
    );
    this.addSql(`create index "customer_refund_customer_id_index" on "customers"."customer_refund" ("customer_id");`);

    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED', 'ORDER_PLACED', 'ORDER_FULFILLED', 'ORDER_READY_FOR_PICKUP', 'ORDER_PICKED_UP', 'ORDER_CANCELLED', 'RETURN_REQUESTED', 'RETURN_RECEIVED', 'REFUND_CREATED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."customer_refund" cascade;`);

    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED', 'ORDER_PLACED', 'ORDER_FULFILLED', 'ORDER_READY_FOR_PICKUP', 'ORDER_PICKED_UP', 'ORDER_CANCELLED'));`,
    );
  }
}
