import { Migration } from '@mikro-orm/migrations';

/** Where the customer-messages consumer has read the orders outbox up to. */
export class Migration20261203051959 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."event_consumer_position" ("consumer" text not null, "source_schema" text not null, "position" bigint not null default 0, "updated_at" timestamptz not null default now(), constraint "event_consumer_position_pkey" primary key ("consumer", "source_schema"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."event_consumer_position" cascade;`);
  }
}
