import { Migration } from '@mikro-orm/migrations';

/**
 * The daily sales rollup and its watermark; each ledger row records its transaction. Rows written
 * before take this migration's transaction id, so the first fold takes them all.
 */
export class Migration20261203105010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."sales_rollup" ("id" bigserial primary key, "day" date not null, "channel" text not null, "location_id" uuid null, "staff_id" text null, "currency_code" text not null, "gross_minor" bigint not null default 0, "discount_minor" bigint not null default 0, "returns_minor" bigint not null default 0, "net_minor" bigint not null default 0, "tax_minor" bigint not null default 0, "shipping_minor" bigint not null default 0, "units" bigint not null default 0, "orders" int not null default 0);`,
    );
    this.addSql(
      `create unique index "sales_rollup_key_unique" on "orders"."sales_rollup" ("day", "channel", "location_id", "staff_id", "currency_code") nulls not distinct;`,
    );

    this.addSql(
      `create table "orders"."sales_rollup_product" ("id" bigserial primary key, "day" date not null, "channel" text not null, "location_id" uuid null, "staff_id" text null, "currency_code" text not null, "gross_minor" bigint not null default 0, "discount_minor" bigint not null default 0, "returns_minor" bigint not null default 0, "net_minor" bigint not null default 0, "tax_minor" bigint not null default 0, "shipping_minor" bigint not null default 0, "units" bigint not null default 0, "orders" int not null default 0, "product_id" text null);`,
    );
    this.addSql(
      `create unique index "sales_rollup_product_key_unique" on "orders"."sales_rollup_product" ("day", "channel", "location_id", "staff_id", "product_id", "currency_code") nulls not distinct;`,
    );

    this.addSql(
      `create table "orders"."sales_rollup_state" ("id" int primary key default 1, "time_zone" text null, "folded_below" xid8 not null default '0', "folded_at" timestamptz null);`,
    );

    this.addSql(`alter table "orders"."sales_ledger_row" add column "xact_id" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "sales_ledger_row_xact_id_index" on "orders"."sales_ledger_row" ("xact_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."sales_rollup" cascade;`);

    this.addSql(`drop table if exists "orders"."sales_rollup_product" cascade;`);

    this.addSql(`drop table if exists "orders"."sales_rollup_state" cascade;`);

    this.addSql(`drop index "orders"."sales_ledger_row_xact_id_index";`);
    this.addSql(`alter table "orders"."sales_ledger_row" drop column "xact_id";`);
  }
}
