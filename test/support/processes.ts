import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pid of the process `npm start` runs subgraph `name` in on this port: its own, or the one the five share (Linux: read from /proc). */
export function subgraphProcess(name: string, port: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      const serves = cmdline.includes(join('subgraphs', name, 'src', 'index.js')) || cmdline.includes(join('scripts', 'run-subgraphs.js'));
      if (serves && environ.includes(`${name.toUpperCase()}_PORT=${port}`)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  throw new Error(`no ${name} process on port ${port}`);
}

/** Resolves once `condition` holds (checked every 100 ms), or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `read` until it answers something other than null (what follows the outbox: mail, timelines, points). */
export async function eventually<T>(read: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
