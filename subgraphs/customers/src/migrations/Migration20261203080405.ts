import { Migration } from '@mikro-orm/migrations';

export class Migration20261203080405 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customers"."customer_order" add column "channel" text null, add column "cancelled_at" timestamptz null;`);

    this.addSql(`create index "customer_refund_order_id_index" on "customers"."customer_refund" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers"."customer_order" drop column "channel", drop column "cancelled_at";`);

    this.addSql(`drop index "customers"."customer_refund_order_id_index";`);
  }
}
