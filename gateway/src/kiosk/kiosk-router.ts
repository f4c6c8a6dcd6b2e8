import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { KIOSK_HTML } from './kiosk-page';

/** GET /kiosk: the stock board; /kiosk/graphql-ws.js: the graphql-ws browser client it runs on. */
export function kioskRouter(): Router {
  const router = Router();
  // The package exports no path to its browser build, so find it beside package.json.
  const clientScript = join(dirname(createRequire(__filename).resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js');
  router.get('/kiosk', (_req, res) => {
    res.type('html').set('cache-control', 'no-cache').send(KIOSK_HTML);
  });
  router.get('/kiosk/graphql-ws.js', (_req, res) => {
    res.type('js').set('cache-control', 'public, max-age=86400').sendFile(clientScript);
  });
  return router;
}
