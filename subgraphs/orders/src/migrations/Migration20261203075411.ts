import { Migration } from '@mikro-orm/migrations';

export class Migration20261203075411 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "sales_ledger_row_customer_id_occurred_at_index" on "orders"."sales_ledger_row" ("customer_id", "occurred_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."sales_ledger_row_customer_id_occurred_at_index";`);
  }
}
