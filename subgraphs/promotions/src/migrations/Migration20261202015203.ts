import { Migration } from '@mikro-orm/migrations';

export class Migration20261202015203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "promotions"."rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limit_pkey" primary key ("key"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promotions"."rate_limit" cascade;`);
  }
}
