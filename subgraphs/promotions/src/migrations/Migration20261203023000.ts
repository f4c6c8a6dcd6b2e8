import { Migration } from '@mikro-orm/migrations';

export class Migration20261203023000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "promotions"."discount" add column "is_public" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "promotions"."discount" drop column "is_public";`);
  }
}
