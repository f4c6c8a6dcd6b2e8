import { join } from 'node:path';
import { repoRoot } from './paths';
import { subgraphs } from './subgraphs';
import type { ChildSpec } from './supervisor';

/** `together`: the five subgraphs in one process; `apart`: each in its own, as the production image runs them. */
export type SubgraphLayout = 'together' | 'apart';

/**
 * The processes `npm start` runs in `layout`, subgraphs first and the gateway last, each with
 * its port (`ports` by name: gateway, products…) and the URL that says it is ready.
 */
export function systemProcesses(layout: SubgraphLayout, env: NodeJS.ProcessEnv, ports: Record<string, number>, host: string): ChildSpec[] {
  const portOf = (name: string): Record<string, string> => ({ [`${name.toUpperCase()}_PORT`]: String(ports[name]) });
  const readyUrl = (name: string) => `http://${host}:${ports[name]}/health/ready`;
  const gateway: ChildSpec = {
    name: 'gateway',
    script: join(repoRoot, 'dist', 'gateway', 'src', 'index.js'),
    env: { ...env, ...portOf('gateway') },
    readyUrl: readyUrl('gateway'),
  };
  if (layout === 'apart') {
    return [
      ...subgraphs.map((subgraph) => ({
        name: subgraph.name,
        script: join(repoRoot, 'dist', 'subgraphs', subgraph.name, 'src', 'index.js'),
        env: { ...env, ...portOf(subgraph.name) },
        readyUrl: readyUrl(subgraph.name),
      })),
      gateway,
    ];
  }
  const together: ChildSpec = {
    name: 'subgraphs',
    script: join(repoRoot, 'dist', 'scripts', 'run-subgraphs.js'),
    // One process is one service in traces; each subgraph is its own only when apart.
    env: {
      OTEL_SERVICE_NAME: 'subgraphs',
      ...env,
      ...Object.fromEntries(subgraphs.flatMap((subgraph) => Object.entries(portOf(subgraph.name)))),
    },
    // Orders starts last in that process, so its readiness means all five are listening.
    readyUrl: readyUrl('orders'),
  };
  return [together, gateway];
}
