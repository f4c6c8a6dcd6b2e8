import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005710 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "promotions"."discount_redemption" drop constraint if exists "discount_redemption_status_check";`);

    // Holds made before uses expired get the default 15 minutes, so the sweeper frees any stranded one.
    this.addSql(`alter table "promotions"."discount_redemption" add column "expires_at" timestamptz null;`);
    this.addSql(`update "promotions"."discount_redemption" set "expires_at" = "created_at" + interval '900 seconds';`);
    this.addSql(`alter table "promotions"."discount_redemption" alter column "expires_at" set not null;`);
    this.addSql(
      `alter table "promotions"."discount_redemption" add constraint "discount_redemption_status_check" check("status" in ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED'));`,
    );
    this.addSql(
      `create index "discount_redemption_status_expires_at_index" on "promotions"."discount_redemption" ("status", "expires_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "promotions"."discount_redemption" drop constraint if exists "discount_redemption_status_check";`);

    this.addSql(`drop index "promotions"."discount_redemption_status_expires_at_index";`);
    this.addSql(`alter table "promotions"."discount_redemption" drop column "expires_at";`);

    this.addSql(
      `alter table "promotions"."discount_redemption" add constraint "discount_redemption_status_check" check("status" in ('RESERVED', 'COMMITTED', 'RELEASED'));`,
    );
  }
}
