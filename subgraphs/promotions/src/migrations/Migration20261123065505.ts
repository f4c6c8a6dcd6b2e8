import { Migration } from '@mikro-orm/migrations';

export class Migration20261123065505 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "promotions"."gift_card" ("id" uuid not null, "code_hash" text not null, "last_characters" text not null, "initial_value" bigint not null, "balance" bigint not null, "currency_code" text not null, "expires_on" date null, "customer_id" text null, "note" text null, "disabled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "gift_card_pkey" primary key ("id"), constraint gift_card_check check (balance >= 0));`,
    );
    this.addSql(`alter table "promotions"."gift_card" add constraint "gift_card_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "gift_card_customer_id_index" on "promotions"."gift_card" ("customer_id");`);

    this.addSql(
      `create table "promotions"."gift_card_transaction" ("id" uuid not null, "gift_card_id" uuid not null, "kind" text check ("kind" in ('ISSUE', 'DEBIT', 'REFUND')) not null, "amount" bigint not null, "balance_after" bigint not null, "reference" text null, "idempotency_key" text null, "actor" text null, "created_at" timestamptz not null, constraint "gift_card_transaction_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "gift_card_transaction_gift_card_id_created_at_index" on "promotions"."gift_card_transaction" ("gift_card_id", "created_at");`,
    );

    this.addSql(
      `create table "promotions"."loyalty_account" ("id" uuid not null, "customer_id" text not null, "points" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "loyalty_account_pkey" primary key ("id"), constraint loyalty_account_check check (points >= 0));`,
    );
    this.addSql(`alter table "promotions"."loyalty_account" add constraint "loyalty_account_customer_id_unique" unique ("customer_id");`);

    this.addSql(
      `create table "promotions"."loyalty_entry" ("id" uuid not null, "account_id" uuid not null, "kind" text check ("kind" in ('EARN', 'REDEEM', 'ADJUST')) not null, "points" int not null, "balance_after" int not null, "reason" text null, "reference" text null, "channel" text null, "idempotency_key" text null, "actor" text null, "created_at" timestamptz not null, constraint "loyalty_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "loyalty_entry_account_id_kind_created_at_index" on "promotions"."loyalty_entry" ("account_id", "kind", "created_at");`,
    );

    this.addSql(
      `create table "promotions"."loyalty_program" ("id" int not null default 1, "points_per_currency_unit" int not null default 1, "channel_multipliers" jsonb not null, "redemption_value_per_point" int not null default 1, "tiers" jsonb not null, "updated_at" timestamptz not null, constraint "loyalty_program_pkey" primary key ("id"), constraint loyalty_program_check check (id = 1));`,
    );

    this.addSql(
      `create table "promotions"."store_credit_account" ("id" uuid not null, "customer_id" text not null, "balance" bigint not null default 0, "currency_code" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "store_credit_account_pkey" primary key ("id"), constraint store_credit_account_check check (balance >= 0));`,
    );
    this.addSql(
      `alter table "promotions"."store_credit_account" add constraint "store_credit_account_customer_id_unique" unique ("customer_id");`,
    );

    this.addSql(
      `create table "promotions"."store_credit_entry" ("id" uuid not null, "account_id" uuid not null, "amount" bigint not null, "balance_after" bigint not null, "reason" text null, "reference" text null, "idempotency_key" text null, "actor" text null, "created_at" timestamptz not null, constraint "store_credit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "store_credit_entry_account_id_created_at_index" on "promotions"."store_credit_entry" ("account_id", "created_at");`,
    );

    this.addSql(
      `alter table "promotions"."gift_card_transaction" add constraint "gift_card_transaction_gift_card_id_foreign" foreign key ("gift_card_id") references "promotions"."gift_card" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "promotions"."loyalty_entry" add constraint "loyalty_entry_account_id_foreign" foreign key ("account_id") references "promotions"."loyalty_account" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "promotions"."store_credit_entry" add constraint "store_credit_entry_account_id_foreign" foreign key ("account_id") references "promotions"."store_credit_account" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "promotions"."gift_card_transaction" drop constraint "gift_card_transaction_gift_card_id_foreign";`);

    this.addSql(`alter table "promotions"."loyalty_entry" drop constraint "loyalty_entry_account_id_foreign";`);

    this.addSql(`alter table "promotions"."store_credit_entry" drop constraint "store_credit_entry_account_id_foreign";`);

    this.addSql(`drop table if exists "promotions"."gift_card" cascade;`);

    this.addSql(`drop table if exists "promotions"."gift_card_transaction" cascade;`);

    this.addSql(`drop table if exists "promotions"."loyalty_account" cascade;`);

    this.addSql(`drop table if exists "promotions"."loyalty_entry" cascade;`);

    this.addSql(`drop table if exists "promotions"."loyalty_program" cascade;`);

    this.addSql(`drop table if exists "promotions"."store_credit_account" cascade;`);

    this.addSql(`drop table if exists "promotions"."store_credit_entry" cascade;`);
  }
}
