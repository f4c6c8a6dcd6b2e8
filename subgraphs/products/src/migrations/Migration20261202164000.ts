import { Migration } from '@mikro-orm/migrations';

/** A product's tax class, STANDARD for every product that exists already. */
export class Migration20261202164000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "products"."product" add column "tax_class" text check ("tax_class" in ('STANDARD', 'REDUCED', 'ZERO')) not null default 'STANDARD';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."product" drop column "tax_class";`);
  }
}
