import { Migration } from '@mikro-orm/migrations';

/** A loyalty take-back's shortfall: the points a refund or cancellation could not take back because they were spent. */
export class Migration20261203084058 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "promotions"."loyalty_entry" add column "shortfall" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "promotions"."loyalty_entry" drop column "shortfall";`);
  }
}
