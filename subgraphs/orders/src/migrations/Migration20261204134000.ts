import { Migration } from '@mikro-orm/migrations';

/** One open drawer session per till at a store, not per till name across stores: two stores may both have a "till-1". */
export class Migration20261204134000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "orders"."pos_session_open_device_unique";`);
    this.addSql(
      `create unique index "pos_session_open_device_unique" on "orders"."pos_session" ("location_id", "device_id") where "closed_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "orders"."pos_session_open_device_unique";`);
    this.addSql(`create unique index "pos_session_open_device_unique" on "orders"."pos_session" ("device_id") where "closed_at" is null;`);
  }
}
