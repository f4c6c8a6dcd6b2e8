/**
 * Writes a migration that brings a subgraph's schema from its committed migrations to its
 * current entities: `npm run migration:create -- products`.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { openDatabase } from '#platform/db';
import { migrate, migratorOf } from '#platform/migrations';
import { migrationsSourceDir } from './lib/paths';
import { withScratchDatabase } from './lib/scratch-database';
import { findSubgraph } from './lib/subgraphs';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run migration:create -- <subgraph>');
  const subgraph = findSubgraph(name);
  const dir = migrationsSourceDir(subgraph.name);
  await withScratchDatabase(async (url) => {
    const orm = await openDatabase({
      schema: subgraph.name,
      clientUrl: url,
      entities: [...subgraph.entities],
      migrations: [...subgraph.migrations],
      migrationsPath: dir,
    });
    try {
      await migrate(orm);
      const result = await migratorOf(orm).createMigration(dir, false, subgraph.migrations.length === 0);
      if (!result.fileName) {
        console.log(`${name}: entities and migrations agree; nothing to write`);
        return;
      }
      console.log(`${name}: wrote ${result.fileName}`);
    } finally {
      await orm.close();
    }
  });
  await writeIndex(dir);
}

async function writeIndex(dir: string): Promise<void> {
  const names = (await readdir(dir))
    .filter((f) => /^Migration\d+.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((n) => `import { ${n} } from './${n}';`),
    '',
    '/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */',
    'export const migrations: MigrationObject[] = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ];
  await writeFile(`${dir}/index.ts`, lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
