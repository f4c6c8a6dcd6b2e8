import { rm } from 'node:fs/promises';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__EMBEDDED_POSTGRES__;
  if (embedded) {
    await embedded.server.stop();
    await rm(embedded.dir, { recursive: true, force: true });
    return;
  }
  // A server of the caller's (TEST_DATABASE_URL) keeps no template of this run.
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const run = process.env.TEST_RUN_ID;
  if (!adminUrl || !run) return;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of [`template_${run}`, `template_seeded_${run}`]) await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
