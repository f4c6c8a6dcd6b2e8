import type { CheckoutAdmission } from './admission';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InternalClient } from '#platform/internal';
import type { Logger } from '#platform/runtime';
import type { PaymentProvider } from '../payments';

/** What the saga runs with; the server builds it once, tests build their own. */
export interface CheckoutDeps {
  /** A fresh EntityManager, outside any request: each local transaction forks its own. */
  em(): EntityManager;
  inventory: InternalClient;
  promotions: InternalClient;
  /** The card provider (TEST_CARD). */
  card: PaymentProvider;
  logger: Logger;
  /** Test-only: steps after which to fail ("stock") or to stop as if the process died ("crash:stock"). Empty in production. */
  faults: ReadonlySet<string>;
  /** How long a process holds a checkout before the sweeper may take it over. */
  leaseMs: number;
  /** How long stock and discount uses are held; far longer than the lease, so the sweeper finishes first. */
  holdSeconds: number;
  /** Bounds how many checkouts this process drives at once (the rest wait their turn); unbounded when absent. */
  admission?: CheckoutAdmission;
  /** Called in the transaction that places the order: closes the cart (status COMPLETED). */
  onPlaced?(em: EntityManager, cartId: string, orderId: string): Promise<void>;
}

/** The step names the fault hook knows, in the order they run. */
export const CHECKOUT_STEPS = [
  'checkout',
  'stock',
  'discounts',
  'stored-value',
  'card',
  'place',
  'confirm-stock',
  'commit-discounts',
  'capture',
] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** Thrown by the fault hook after a step: the saga compensates (or, past placing, leaves the rest to the sweeper). */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
  constructor(
    readonly step: string,
    /** True: behave as if the process died here (nothing else runs; the sweeper recovers). */
    readonly crash: boolean,
  ) {
    super(`${crash ? 'crash' : 'fault'} injected after ${step}`);
  }
}

/** How long the test fault `pause:<step>` waits. */
export const FAULT_PAUSE_MS = 2_000;

/**
 * Test-only hook after `step`, as ORDERS_TEST_FAULTS names it: `step` fails the checkout there,
 * `crash:step` stops it as if the process died, `hang:step` leaves it waiting there for ever, so
 * an end-to-end test can kill the process with checkouts in the middle, and `pause:step` waits
 * FAULT_PAUSE_MS there, as a step slowed by load would.
 */
export async function faultAfter(deps: CheckoutDeps, step: CheckoutStep): Promise<void> {
  if (deps.faults.size === 0) return;
  if (deps.faults.has(`crash:${step}`)) throw new InjectedFault(step, true);
  if (deps.faults.has(step)) throw new InjectedFault(step, false);
  if (deps.faults.has(`hang:${step}`)) {
    deps.logger.warn({ step }, 'test fault: checkout hangs here');
    await new Promise<never>(() => {});
  }
  if (deps.faults.has(`pause:${step}`)) await new Promise((resolve) => setTimeout(resolve, FAULT_PAUSE_MS));
}

/** ORDERS_TEST_FAULTS="stock,crash:card" → the set; always empty when NODE_ENV is production. */
export function parseFaults(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  if (env.NODE_ENV === 'production' || !env.ORDERS_TEST_FAULTS) return new Set();
  return new Set(
    env.ORDERS_TEST_FAULTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
