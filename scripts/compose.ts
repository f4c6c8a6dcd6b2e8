/**
 * `npm run compose`: writes schema/<subgraph>.graphql, schema/supergraph.graphql and
 * schema/api.graphql from the code. Commit the result; a test fails when it is stale.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph } from './lib/compose';
import { schemaDir } from './lib/paths';

async function main(): Promise<void> {
  const { files, hints } = await composeSupergraph();
  await mkdir(schemaDir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(schemaDir, name), contents);
    console.log(`wrote schema/${name}`);
  }
  for (const hint of hints) console.log(`hint: ${hint}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
