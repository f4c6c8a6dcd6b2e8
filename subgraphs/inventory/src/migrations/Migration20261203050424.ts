import { Migration } from '@mikro-orm/migrations';

export class Migration20261203050424 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inventory"."reservation" drop constraint if exists "reservation_status_check";`);

    this.addSql(`alter table "inventory"."location" add column "fulfillment_rank" int null;`);

    this.addSql(`alter table "inventory"."inventory_transfer" add column "reference" text null, add column "reservation_id" uuid null;`);

    this.addSql(
      `alter table "inventory"."reservation" add column "fulfilled" jsonb not null default '[]', add column "released" jsonb not null default '[]', add column "in_transit" jsonb not null default '[]';`,
    );
    this.addSql(
      `alter table "inventory"."reservation" add constraint "reservation_status_check" check("status" in ('PENDING', 'CONFIRMED', 'COMMITTED', 'RELEASED', 'EXPIRED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inventory"."reservation" drop constraint if exists "reservation_status_check";`);

    this.addSql(`alter table "inventory"."inventory_transfer" drop column "reference", drop column "reservation_id";`);

    this.addSql(`alter table "inventory"."location" drop column "fulfillment_rank";`);

    this.addSql(`alter table "inventory"."reservation" drop column "fulfilled", drop column "released", drop column "in_transit";`);

    this.addSql(
      `alter table "inventory"."reservation" add constraint "reservation_status_check" check("status" in ('PENDING', 'COMMITTED', 'RELEASED', 'EXPIRED'));`,
    );
  }
}
