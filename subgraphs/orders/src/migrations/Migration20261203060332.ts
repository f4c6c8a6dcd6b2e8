import { Migration } from '@mikro-orm/migrations';

/** The sales ledger (append-only, a row per line sold or taken back), the order line's categories, and frequently-bought-together pair counts. */
export class Migration20261203060332 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."product_order_count" ("product_id" text not null, "orders" int not null, constraint "product_order_count_pkey" primary key ("product_id"));`,
    );

    this.addSql(
      `create table "orders"."product_pair_count" ("product_id" text not null, "other_product_id" text not null, "orders" int not null, constraint "product_pair_count_pkey" primary key ("product_id", "other_product_id"));`,
    );

    this.addSql(
      `create table "orders"."sales_ledger_row" ("id" bigserial primary key, "kind" text not null, "order_id" uuid not null, "order_line_id" uuid null, "channel" text not null, "location_id" uuid null, "staff_id" text null, "customer_id" uuid null, "product_id" text null, "variant_id" text null, "sku" text null, "category_id" text null, "category_ids" text[] not null default '{}', "quantity" int not null, "gross_minor" bigint not null, "discount_minor" bigint not null, "net_minor" bigint not null, "tax_minor" bigint not null, "shipping_minor" bigint not null default 0, "currency_code" text not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "sales_ledger_row_order_id_index" on "orders"."sales_ledger_row" ("order_id");`);
    this.addSql(
      `create index "sales_ledger_row_product_id_occurred_at_index" on "orders"."sales_ledger_row" ("product_id", "occurred_at");`,
    );
    this.addSql(
      `create index "sales_ledger_row_location_id_occurred_at_index" on "orders"."sales_ledger_row" ("location_id", "occurred_at");`,
    );
    this.addSql(`create index "sales_ledger_row_occurred_at_index" on "orders"."sales_ledger_row" ("occurred_at");`);

    this.addSql(`alter table "orders"."order_line" add column "category_ids" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."product_order_count" cascade;`);

    this.addSql(`drop table if exists "orders"."product_pair_count" cascade;`);

    this.addSql(`drop table if exists "orders"."sales_ledger_row" cascade;`);

    this.addSql(`alter table "orders"."order_line" drop column "category_ids";`);
  }
}
