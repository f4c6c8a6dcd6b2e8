import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** An HTTP server built but not yet bound: tests call `listen(0)`, `index.ts` the real port. */
export interface HttpService {
  httpServer: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function httpService(app: Express, onClose: () => Promise<void>): HttpService {
  const httpServer = createServer(app);
  // Longer than a typical load balancer's idle timeout, so it closes idle sockets first.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: async () => {
      await onClose();
      if (httpServer.listening) {
        await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
      }
    },
  };
}
