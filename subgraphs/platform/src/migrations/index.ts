/**
 * Schema migrations, apart from the database kit: MikroORM's migrator brings in a few hundred
 * modules (umzug and its tooling) that a serving process never uses, so only the scripts that
 * migrate or write migrations load it.
 */
import { Migrator } from '@mikro-orm/migrations';
import type { Orm } from '#platform/db';

/** The ORM's migrator, registered on first use. */
export function migratorOf(orm: Orm): Migrator {
  Migrator.register(orm);
  return orm.getMigrator();
}

/** Applies every pending migration in one transaction; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  await orm.em.getConnection().execute(`create schema if not exists "${orm.config.get('schema')}"`);
  const applied = await migratorOf(orm).up();
  return applied.map((m) => m.name);
}
