import { Migration } from '@mikro-orm/migrations';

/** Exchanges: the new items taken on a return, their price and how the difference was settled. */
export class Migration20261203080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order_return" add column "exchange" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_return" drop column "exchange";`);
  }
}
