import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051022 extends Migration {
  override async up(): Promise<void> {
    // Trigram search over product text; trusted since PostgreSQL 13, so no superuser is needed.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create schema if not exists "products";`);
    this.addSql(
      `create table "products"."category" ("id" uuid not null, "handle" text not null, "name" text not null, "description" text not null default '', "parent_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "category_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."category" add constraint "category_handle_unique" unique ("handle");`);
    this.addSql(`create index "category_parent_id_index" on "products"."category" ("parent_id");`);

    this.addSql(
      `create table "products"."product" ("id" uuid not null, "handle" text not null, "title" text not null, "description" text not null default '', "vendor" text null, "product_type" text null, "tags" text[] not null default '{}', "category_id" uuid null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'ARCHIVED')) not null default 'DRAFT', "channels" text[] not null default '{}', "options" jsonb not null default '[]', "images" jsonb not null default '[]', "min_price_amount" bigint not null default 0, "max_price_amount" bigint not null default 0, "currency_code" text not null, "search_text" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."product" add constraint "product_handle_unique" unique ("handle");`);
    this.addSql(`create index "product_category_id_index" on "products"."product" ("category_id");`);
    this.addSql(`create index "product_min_price_amount_id_index" on "products"."product" ("min_price_amount", "id");`);
    this.addSql(`create index "product_updated_at_id_index" on "products"."product" ("updated_at", "id");`);
    this.addSql(`create index "product_created_at_id_index" on "products"."product" ("created_at", "id");`);
    this.addSql(`create index "product_title_id_index" on "products"."product" ("title", "id");`);
    this.addSql(`create index "product_tags_gin" on "products"."product" using gin ("tags");`);
    this.addSql(`create index "product_search_text_trgm" on "products"."product" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(
      `create table "products"."product_variant" ("id" uuid not null, "product_id" uuid not null, "sku" text not null, "barcode" text null, "title" text not null, "selected_options" jsonb not null default '[]', "price_amount" bigint not null, "compare_at_amount" bigint null, "currency_code" text not null, "position" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "product_variant_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."product_variant" add constraint "product_variant_sku_unique" unique ("sku");`);
    this.addSql(`alter table "products"."product_variant" add constraint "product_variant_barcode_unique" unique ("barcode");`);
    this.addSql(
      `create index "product_variant_product_id_price_amount_index" on "products"."product_variant" ("product_id", "price_amount");`,
    );
    this.addSql(`create index "product_variant_product_id_position_index" on "products"."product_variant" ("product_id", "position");`);

    this.addSql(
      `alter table "products"."category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "products"."category" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "products"."product" add constraint "product_category_id_foreign" foreign key ("category_id") references "products"."category" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "products"."product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );
  }
}
