import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/free-port';
import { repoRoot } from '../../scripts/lib/paths';

export interface RunningSystem {
  gatewayUrl: string;
  /** GATEWAY_PORT, PRODUCTS_PORT… as chosen for this run. */
  ports: Record<string, string>;
  output: () => string;
  /** Sends Ctrl-C (SIGINT) and resolves with the exit code. */
  stop(): Promise<number | null>;
  process: ChildProcess;
}

const SUBGRAPHS = ['PRODUCTS', 'INVENTORY', 'ORDERS', 'CUSTOMERS', 'PROMOTIONS'];

/** Runs `npm start`'s program (compiled, as `npm start` runs it) on free ports. */
export async function startSystem(env: NodeJS.ProcessEnv): Promise<RunningSystem> {
  const script = join(repoRoot, 'dist', 'scripts', 'start.js');
  if (!existsSync(script)) throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');
  // Nothing binds these until the processes start, so each must differ from the others and from PostgreSQL's.
  const taken = new Set([env.EMBEDDED_POSTGRES_PORT]);
  const pick = async () => {
    let port = String(await freePort());
    while (taken.has(port)) port = String(await freePort());
    taken.add(port);
    return port;
  };
  const ports: Record<string, string> = { GATEWAY_PORT: await pick() };
  for (const name of SUBGRAPHS) ports[`${name}_PORT`] = await pick();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...ports, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 150s:\n${output}`)), 150_000);
    // The banner's last line: the URL, the demo tokens and the kiosk link are all printed by then.
    const check = () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
    ports,
    output: () => output,
    process: child,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
