import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051657 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "customers";`);
    this.addSql(
      `create table "customers"."customer" ("id" uuid not null, "email" text null, "phone" text null, "first_name" text null, "last_name" text null, "accepts_marketing" boolean not null default false, "tags" text[] not null default '{}', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customers"."customer" add constraint "customer_email_unique" unique ("email");`);
    this.addSql(`alter table "customers"."customer" add constraint "customer_phone_unique" unique ("phone");`);
  }
}
