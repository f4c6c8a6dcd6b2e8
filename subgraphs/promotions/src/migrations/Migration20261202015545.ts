import { Migration } from '@mikro-orm/migrations';

export class Migration20261202015545 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "promotions"."customer_redirect" ("source_id" text not null, "target_id" text not null, "merged_at" timestamptz not null, constraint "customer_redirect_pkey" primary key ("source_id"));`,
    );
    this.addSql(`create index "customer_redirect_target_id_index" on "promotions"."customer_redirect" ("target_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promotions"."customer_redirect" cascade;`);
  }
}
