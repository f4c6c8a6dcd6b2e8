import { Router } from 'express';

export type ReadinessCheck = () => Promise<void>;

/**
 * `/health/live` says the process answers; `/health/ready` says it can serve traffic (its
 * dependencies answer), so a load balancer stops routing to a replica whose database is gone.
 * With `degradable`, failed checks leave it ready and are listed as `degraded` (the gateway: one
 * subgraph down is one subgraph down).
 */
export function healthRouter(checks: Record<string, ReadinessCheck>, options: { degradable?: boolean } = {}): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `failed: ${(error as Error).message}`] as const;
        }
      }),
    );
    const failed = results.filter(([, status]) => status !== 'ok').map(([name]) => name);
    if (!failed.length) {
      res.json({ status: 'ok', checks: Object.fromEntries(results) });
    } else if (options.degradable) {
      // Still worth routing to: what the failed dependencies serve is null with an error, the rest stands.
      res.json({ status: 'degraded', degraded: failed, checks: Object.fromEntries(results) });
    } else {
      res.status(503).json({ status: 'unavailable', checks: Object.fromEntries(results) });
    }
  });
  return router;
}
