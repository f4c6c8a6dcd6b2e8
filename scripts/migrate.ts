/** `npm run migrate`: applies pending migrations of every subgraph. */
import { loadScriptConfig } from './lib/database-config';
import { runMain } from './lib/main';
import { migrateAll } from './lib/migrate-all';
import { openSharedDatabase } from './lib/shared-database';

runMain(async () => {
  const database = await openSharedDatabase(loadScriptConfig(), console.log);
  try {
    await migrateAll(database.url);
  } finally {
    await database.stop();
  }
});
