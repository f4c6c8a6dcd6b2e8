/**
 * Once per worker, before any test file loads (jest's setupFilesAfterEnv):
 *
 * - Stack traces name the TypeScript source line, through the source maps `tsc` writes beside
 *   each compiled file, not the line of dist/'s JavaScript.
 * - Every test and hook gets a deadline (60 s unless the test names its own), as under jest's
 *   default runner: the runner that executes compiled files does not enforce one itself, and a
 *   test that hangs must fail, not stall the run.
 */
process.setSourceMapsEnabled(true);

const DEFAULT_TIMEOUT_MS = 60_000;

type Fn = (...args: unknown[]) => unknown;

function withDeadline(fn: Fn, timeoutMs: number | undefined, what: string): Fn {
  const ms = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return function (this: unknown, ...args: unknown[]) {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} exceeded its timeout of ${ms} ms`)), ms);
    });
    return Promise.race([Promise.resolve().then(() => fn.apply(this, args)), deadline]).finally(() => clearTimeout(timer));
  };
}

type Register = (name: string, fn?: Fn, timeout?: number) => unknown;

function timedTest(register: Register & Record<string, unknown>): Register {
  const timed = (name: string, fn?: Fn, timeout?: number) => register(name, fn && withDeadline(fn, timeout, `test "${name}"`), timeout);
  const each =
    (variant: Register & Record<string, unknown>) =>
    (...table: unknown[]) => {
      const bound = (variant.each as (...t: unknown[]) => Register)(...table);
      return (name: string, fn?: Fn, timeout?: number) => bound(name, fn && withDeadline(fn, timeout, `test "${name}"`), timeout);
    };
  return Object.assign(timed, register, {
    each: each(register),
    only: Object.assign(
      (name: string, fn?: Fn, timeout?: number) =>
        (register.only as Register)(name, fn && withDeadline(fn, timeout, `test "${name}"`), timeout),
      {
        each: each(register.only as Register & Record<string, unknown>),
      },
    ),
  });
}

type Hook = (fn: Fn, timeout?: number) => unknown;

function timedHook(register: Hook, hook: string): Hook {
  return (fn, timeout) => register(withDeadline(fn, timeout, hook), timeout);
}

const g = globalThis as unknown as Record<string, unknown>;
g.it = g.test = timedTest(g.test as Register & Record<string, unknown>);
for (const hook of ['beforeAll', 'afterAll', 'beforeEach', 'afterEach']) g[hook] = timedHook(g[hook] as Hook, hook);
