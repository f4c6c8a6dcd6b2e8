import { Migration } from '@mikro-orm/migrations';

/** The timeline records what happens to an order after it is placed: fulfilled, ready for pickup, picked up, cancelled. */
export class Migration20261203052753 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED', 'ORDER_PLACED', 'ORDER_FULFILLED', 'ORDER_READY_FOR_PICKUP', 'ORDER_PICKED_UP', 'ORDER_CANCELLED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers"."customer_event" drop constraint if exists "customer_event_type_check";`);

    this.addSql(
      `alter table "customers"."customer_event" add constraint "customer_event_type_check" check("type" in ('PRODUCT_VIEWED', 'CART_ABANDONED', 'STORE_VISIT', 'SUPPORT_CONTACT', 'SIGNED_UP', 'SIGNED_IN', 'IDENTITY_LINKED', 'MERGED', 'ERASED', 'ORDER_PLACED'));`,
    );
  }
}
