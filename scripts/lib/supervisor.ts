import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  name: string;
  /** Compiled entry point, e.g. dist/subgraphs/products/src/index.js. */
  script: string;
  env: NodeJS.ProcessEnv;
  /** Polled until it answers 200. */
  readyUrl: string;
}

/**
 * Runs the system's processes as children: output prefixed with each name, started in order
 * and each awaited until ready, stopped in reverse order with SIGTERM (each drains its requests).
 * If any child dies on its own, `onUnexpectedExit` is told, so the whole system can stop.
 */
export class Supervisor {
  private readonly children: { spec: ChildSpec; process: ChildProcess }[] = [];
  private stopping = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {
    // Should the supervisor itself die, take the children with it rather than leave ports held.
    process.once('exit', () => {
      for (const { process: child } of this.children) if (child.exitCode === null) child.kill('SIGKILL');
    });
  }

  async start(spec: ChildSpec, timeoutMs = 30_000): Promise<void> {
    // Its own process group: Ctrl-C reaches only the supervisor, which stops children in order.
    const child = spawn(process.execPath, [spec.script], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      windowsHide: true,
    });
    this.children.push({ spec, process: child });
    const width = 10;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.log(`${spec.name.padEnd(width)} | ${line}`));
    }
    let exited = false;
    child.on('exit', (code) => {
      exited = true;
      if (!this.stopping) this.onUnexpectedExit(spec.name, code);
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`${spec.name} exited before it was ready`);
      try {
        const response = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${spec.name} was not ready within ${timeoutMs / 1000}s`);
  }

  /** Stops every child, last started first, waiting up to 15 s for each. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const { spec, process: child } of [...this.children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        this.log(`${spec.name} did not stop in time; killing it`);
        child.kill('SIGKILL');
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
  }
}
