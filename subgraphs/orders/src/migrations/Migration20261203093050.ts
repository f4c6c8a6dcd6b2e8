import { Migration } from '@mikro-orm/migrations';

export class Migration20261203093050 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."payment_event" add column "pos_session_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."payment_event" drop column "pos_session_id";`);
  }
}
