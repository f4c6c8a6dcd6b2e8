import { Migration } from '@mikro-orm/migrations';

/** The platform's tables every subgraph keeps: the outbox and idempotency keys. */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."idempotency_record" ("scope" text not null, "key" text not null, "request_hash" text not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("scope", "key"));`,
    );
    this.addSql(
      `create table "orders"."outbox_event" ("id" bigserial primary key, "topic" text not null, "key" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "outbox_event_topic_id_index" on "orders"."outbox_event" ("topic", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."outbox_event" cascade;`);
    this.addSql(`drop table if exists "orders"."idempotency_record" cascade;`);
  }
}
