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

/** The first restart waits this long; each quick crash after it doubles the wait, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A child that ran this long before crashing starts again from the first backoff. */
const STABLE_AFTER_MS = 60_000;
/**
 * How long a child may take to answer ready the first time. Generous: a busy 2-core machine
 * starting six processes at once has taken over 30 s for the gateway, whose readiness waits on
 * every subgraph's; a child that exits early is still reported at once.
 */
const READY_WITHIN_MS = 120_000;

interface Child {
  spec: ChildSpec;
  process: ChildProcess;
  startedAt: number;
  backoffMs: number;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Runs the system's processes as children: output prefixed with each name, started in order
 * and each awaited until ready, stopped in reverse order with SIGTERM (each drains its requests).
 * A child that dies on its own after it was ready is started again, after a pause that doubles
 * with each quick crash (0.5 s up to 30 s), and the supervisor says so in its log: one crashed
 * subgraph is one subgraph down for a moment, not the whole system stopped.
 */
export class Supervisor {
  private readonly children: Child[] = [];
  private stopping = false;

  constructor(
    private readonly log: (line: string) => void,
    /** Told of every unexpected exit and the pause before the restart. */
    private readonly onUnexpectedExit: (name: string, code: number | null, restartInMs: number) => void = () => {},
  ) {
    // Should the supervisor itself die, take the children with it rather than leave ports held.
    process.once('exit', () => {
      for (const { process: child } of this.children) if (child.exitCode === null) child.kill('SIGKILL');
    });
  }

  private spawn(spec: ChildSpec): ChildProcess {
    // Its own process group: Ctrl-C reaches only the supervisor, which stops children in order.
    const child = spawn(process.execPath, [spec.script], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      windowsHide: true,
    });
    const width = 10;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.log(`${spec.name.padEnd(width)} | ${line}`));
    }
    return child;
  }

  /** The process currently running a child, by name (a restart replaces it). */
  processOf(name: string): ChildProcess | undefined {
    return this.children.find((child) => child.spec.name === name)?.process;
  }

  async start(spec: ChildSpec, timeoutMs = READY_WITHIN_MS): Promise<void> {
    const entry: Child = { spec, process: this.spawn(spec), startedAt: Date.now(), backoffMs: FIRST_BACKOFF_MS };
    this.children.push(entry);
    let exited = false;
    entry.process.once('exit', () => (exited = true));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`${spec.name} exited before it was ready`);
      if (await this.answersReady(spec)) {
        this.watch(entry);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${spec.name} was not ready within ${timeoutMs / 1000}s`);
  }

  private async answersReady(spec: ChildSpec): Promise<boolean> {
    try {
      return (await fetch(spec.readyUrl, { signal: AbortSignal.timeout(1_000) })).ok;
    } catch {
      return false; // not listening yet
    }
  }

  /** Restarts the child whenever it exits while the system is not stopping. */
  private watch(entry: Child): void {
    entry.process.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - entry.startedAt > STABLE_AFTER_MS) entry.backoffMs = FIRST_BACKOFF_MS;
      const waitMs = entry.backoffMs;
      entry.backoffMs = Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS);
      this.log(`${entry.spec.name} exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${waitMs / 1000}s`);
      this.onUnexpectedExit(entry.spec.name, code, waitMs);
      entry.restartTimer = setTimeout(() => {
        if (this.stopping) return;
        entry.process = this.spawn(entry.spec);
        entry.startedAt = Date.now();
        this.watch(entry);
        void this.reportBack(entry);
      }, waitMs);
    });
  }

  private async reportBack(entry: Child): Promise<void> {
    const current = entry.process;
    for (let i = 0; i < 200 && !this.stopping && entry.process === current && current.exitCode === null; i++) {
      if (await this.answersReady(entry.spec)) {
        this.log(`${entry.spec.name} restarted and ready`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /** Stops every child, last started first, waiting up to 15 s for each. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const entry of [...this.children].reverse()) {
      clearTimeout(entry.restartTimer);
      const { spec, process: child } = entry;
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
