import { Migration } from '@mikro-orm/migrations';

export class Migration20261203000200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers"."customer_order" ("order_id" uuid not null, "customer_id" uuid not null, "number" text not null, "total_minor" bigint not null, "currency_code" text not null, "placed_at" timestamptz not null, constraint "customer_order_pkey" primary key ("order_id"));`,
    );
    this.addSql(`create index "customer_order_customer_id_placed_at_index" on "customers"."customer_order" ("customer_id", "placed_at");`);

    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED', 'ORDER_PLACED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."customer_order" cascade;`);

    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED'));`,
    );
  }
}
