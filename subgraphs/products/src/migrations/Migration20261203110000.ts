import { Migration } from '@mikro-orm/migrations';

/** The products outbox: catalog changes are published (product.changed, category.changed) in the transaction that makes them. */
export class Migration20261203110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "products"."outbox_event" ("id" bigserial primary key, "topic" text not null, "key" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "outbox_event_topic_id_index" on "products"."outbox_event" ("topic", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."outbox_event" cascade;`);
  }
}
