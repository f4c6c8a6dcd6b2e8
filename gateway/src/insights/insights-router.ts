import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { INSIGHTS_HTML } from './insights-page';

/**
 * GET /insights: the back-office sales page; /insights/chart.js: the Chart.js build it draws
 * with, served from this project's own node_modules (pinned in package.json), so the page needs
 * no CDN and shows the same charts offline in a store's back office.
 */
export function insightsRouter(): Router {
  const router = Router();
  // The package exports no path to its browser build; it sits beside the CommonJS entry.
  const chartScript = join(dirname(createRequire(__filename).resolve('chart.js')), 'chart.umd.min.js');
  router.get('/insights', (_req, res) => {
    res.type('html').set('cache-control', 'no-cache').send(INSIGHTS_HTML);
  });
  router.get('/insights/chart.js', (_req, res) => {
    res.type('js').set('cache-control', 'public, max-age=86400').sendFile(chartScript);
  });
  return router;
}
