import { Migration } from '@mikro-orm/migrations';

/** Where a cart's chosen store is, as inventory told it when the store was chosen: a pickup checkout is taxed by it. */
export class Migration20261204053111 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."cart" add column "pickup_store" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."cart" drop column "pickup_store";`);
  }
}
