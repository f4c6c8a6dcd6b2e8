import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051658 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "promotions";`);
    this.addSql(`create table "promotions"."discount" ("id" uuid not null, "title" text not null, "code" text null, "code_key" text null, "kind" text check ("kind" in ('PERCENTAGE', 'FIXED_AMOUNT', 'BUY_X_GET_Y', 'FREE_SHIPPING')) not null, "value" double precision null, "channels" text[] not null default '{}', "starts_at" timestamptz null, "ends_at" timestamptz null, "deactivated_at" timestamptz null, "usage_count" int not null default 0, "created_at" timestamptz not null, constraint "discount_pkey" primary key ("id"));`);
    this.addSql(`alter table "promotions"."discount" add constraint "discount_code_key_unique" unique ("code_key");`);
  }

}
