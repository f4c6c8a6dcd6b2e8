import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import { buildSubscriptionSchema } from '../../gateway/src/live/subscription-schema';
import { subgraphs } from './subgraphs';

/** Placeholder routing URLs written into the supergraph; the gateway overrides them from env. */
export function defaultSubgraphUrl(name: string, port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}

export interface ComposedSchemas {
  /** File name under schema/ → contents. */
  files: Record<string, string>;
  hints: string[];
}

/**
 * Builds every subgraph schema from code and composes them with @apollo/composition into a
 * standard Federation 2 supergraph plus the client-facing API schema. Throws with every
 * composition error when the subgraphs do not compose.
 */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const files: Record<string, string> = {};
  const services = [];
  for (const subgraph of subgraphs) {
    const sdl = `${printSubgraphSchema(await subgraph.buildSchema()).trim()}\n`;
    files[`${subgraph.name}.graphql`] = sdl;
    services.push({ name: subgraph.name, url: defaultSubgraphUrl(subgraph.name, subgraph.defaultPort), typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`The subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  files['supergraph.graphql'] = `${result.supergraphSdl.trim()}\n`;
  // What clients see: the supergraph's API schema plus the subscriptions the gateway serves itself.
  files['api.graphql'] = `${printSchema(buildSubscriptionSchema(result.supergraphSdl)).trim()}\n`;
  return { files, hints: result.hints.map((h) => h.toString()) };
}
