import { resolve } from 'node:path';

/** The repository root, whether running from `scripts/` sources or compiled `dist/scripts/`. */
export const repoRoot = resolve(__dirname, __dirname.includes(`${'/'}dist${'/'}`) ? '../../..' : '../..');

export const schemaDir = resolve(repoRoot, 'schema');

export function migrationsSourceDir(subgraph: string): string {
  return resolve(repoRoot, 'subgraphs', subgraph, 'src', 'migrations');
}
