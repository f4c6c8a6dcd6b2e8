import { Migration } from '@mikro-orm/migrations';

/** Cancellations: the cancel saga's persisted state, one row per cancellation, unique per caller and key. */
export class Migration20261203052500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."cancellation" ("id" uuid not null, "order_id" uuid not null, "caller_scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "state" text not null default 'RUNNING', "plan" jsonb not null, "steps" jsonb not null, "lease_until" timestamptz not null, "attempts" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "cancellation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cancellation_order_id_index" on "orders"."cancellation" ("order_id");`);
    this.addSql(`create index "cancellation_state_lease_until_index" on "orders"."cancellation" ("state", "lease_until");`);
    this.addSql(
      `alter table "orders"."cancellation" add constraint "cancellation_caller_scope_idempotency_key_unique" unique ("caller_scope", "idempotency_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."cancellation" cascade;`);
  }
}
