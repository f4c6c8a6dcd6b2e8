import { Migration } from '@mikro-orm/migrations';

export class Migration20261123070428 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers"."staff_member" ("id" uuid not null, "name" text not null, "email" text not null, "role" text check ("role" in ('STAFF', 'MANAGER', 'ADMIN')) not null, "location_id" uuid null, "password_hash" text not null, "created_at" timestamptz not null, constraint "staff_member_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customers"."staff_member" add constraint "staff_member_email_unique" unique ("email");`);

    this.addSql(`alter table "customers"."customer" add column "password_hash" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."staff_member" cascade;`);

    this.addSql(`alter table "customers"."customer" drop column "password_hash";`);
  }
}
