import { Migration } from '@mikro-orm/migrations';

export class Migration20261123063423 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inventory"."inventory_transfer" drop constraint if exists "inventory_transfer_status_check";`);

    this.addSql(`alter table "inventory"."purchase_order" drop constraint if exists "purchase_order_status_check";`);

    this.addSql(
      `alter table "inventory"."inventory_transfer" add constraint "inventory_transfer_status_check" check("status" in ('DRAFT', 'IN_TRANSIT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "inventory"."purchase_order" add constraint "purchase_order_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inventory"."inventory_transfer" drop constraint if exists "inventory_transfer_status_check";`);

    this.addSql(`alter table "inventory"."purchase_order" drop constraint if exists "purchase_order_status_check";`);

    this.addSql(
      `alter table "inventory"."inventory_transfer" add constraint "inventory_transfer_status_check" check("status" in ('DRAFT', 'IN_TRANSIT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "inventory"."purchase_order" add constraint "purchase_order_status_check" check("status" in ('DRAFT', 'SUBMITTED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'));`,
    );
  }
}
