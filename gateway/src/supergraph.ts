import { unwatchFile, watchFile } from 'node:fs';
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

/** The supergraph now, and news of the next one. */
export interface SupergraphSource {
  current(): Supergraph;
  onChange(listener: (supergraph: Supergraph) => void): () => void;
  close(): void;
}

export function staticSupergraph(supergraph: Supergraph): SupergraphSource {
  return { current: () => supergraph, onChange: () => () => {}, close: () => {} };
}

/**
 * Watches the supergraph file: when a deploy writes a new one, the gateway and the
 * subscription schema switch to it without a restart. A file that does not validate is
 * reported and ignored; the running supergraph stays.
 */
export async function watchSupergraph(path: string, onError: (error: unknown) => void, intervalMs = 2_000): Promise<SupergraphSource> {
  let current = await loadSupergraph(path);
  const listeners = new Set<(supergraph: Supergraph) => void>();
  const onFileChange = () => {
    loadSupergraph(path).then((next) => {
      if (next.sdl === current.sdl) return;
      current = next;
      for (const listener of listeners) listener(next);
    }, onError);
  };
  watchFile(path, { interval: intervalMs, persistent: false }, onFileChange);
  return {
    current: () => current,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => unwatchFile(path, onFileChange),
  };
}
