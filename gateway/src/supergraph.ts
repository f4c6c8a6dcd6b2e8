import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Supergraph as FederationSupergraph } from '@apollo/federation-internals';

/** schema/supergraph.graphql, found from the sources or from the compiled dist/ tree. */
export function defaultSupergraphPath(): string {
  const root = resolve(__dirname, __dirname.includes('/dist/') ? '../../..' : '../..');
  return resolve(root, 'schema', 'supergraph.graphql');
}

export interface Supergraph {
  sdl: string;
  /** Subgraph name → routing URL written in the supergraph. */
  subgraphs: Map<string, string>;
}

/** Reads and validates the committed supergraph; no subgraph is asked for its schema at run time. */
export async function loadSupergraph(path = defaultSupergraphPath()): Promise<Supergraph> {
  const sdl = await readFile(path, 'utf8');
  const info = FederationSupergraph.build(sdl).subgraphsMetadata();
  return { sdl, subgraphs: new Map(info.map((s) => [s.name, s.url])) };
}
