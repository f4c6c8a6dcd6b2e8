import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051655 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    this.addSql(
      `create table "orders"."cart" ("id" uuid not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "cart_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "orders"."order" ("id" uuid not null, "number" text not null, "channel" text check ("channel" in ('WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE', 'SOCIAL')) not null, "created_at" timestamptz not null, constraint "order_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders"."order" add constraint "order_number_unique" unique ("number");`);
  }
}
