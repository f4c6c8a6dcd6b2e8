import { Migration } from '@mikro-orm/migrations';

export class Migration20261123063738 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "promotions";`);
    this.addSql(
      `create table "promotions"."discount" ("id" uuid not null, "title" text not null, "code" text null, "code_key" text null, "kind" text check ("kind" in ('PERCENTAGE', 'FIXED_AMOUNT', 'BUY_X_GET_Y', 'FREE_SHIPPING')) not null, "scope" text check ("scope" in ('ITEMS', 'EACH_ITEM', 'ORDER')) null, "basis_points" int null, "amount" bigint null, "buy_quantity" int null, "get_quantity" int null, "target_type" text check ("target_type" in ('ALL', 'PRODUCTS', 'CATEGORIES')) not null default 'ALL', "product_ids" text[] not null default '{}', "category_ids" text[] not null default '{}', "minimum_subtotal" bigint null, "minimum_quantity" int null, "currency_code" text not null, "channels" text[] not null default '{}', "segment_ids" text[] not null default '{}', "starts_at" timestamptz null, "ends_at" timestamptz null, "deactivated_at" timestamptz null, "usage_limit" int null, "usage_limit_per_customer" int null, "usage_count" int not null default 0, "combines_with_product" boolean not null default false, "combines_with_order" boolean not null default false, "combines_with_shipping" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "discount_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "promotions"."discount" add constraint "discount_code_key_unique" unique ("code_key");`);
    this.addSql(
      `create index "discount_deactivated_at_starts_at_ends_at_index" on "promotions"."discount" ("deactivated_at", "starts_at", "ends_at");`,
    );

    this.addSql(
      `create table "promotions"."discount_redemption" ("id" uuid not null, "key" text not null, "discount_id" uuid not null, "customer_id" text null, "order_reference" text null, "status" text check ("status" in ('RESERVED', 'COMMITTED', 'RELEASED')) not null default 'RESERVED', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "discount_redemption_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "discount_redemption_discount_id_customer_id_status_index" on "promotions"."discount_redemption" ("discount_id", "customer_id", "status");`,
    );
    this.addSql(
      `alter table "promotions"."discount_redemption" add constraint "discount_redemption_key_discount_id_unique" unique ("key", "discount_id");`,
    );

    this.addSql(
      `create table "promotions"."idempotency_record" ("scope" text not null, "key" text not null, "request_hash" text not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("scope", "key"));`,
    );

    this.addSql(
      `alter table "promotions"."discount_redemption" add constraint "discount_redemption_discount_id_foreign" foreign key ("discount_id") references "promotions"."discount" ("id") on update cascade on delete cascade;`,
    );
  }
}
