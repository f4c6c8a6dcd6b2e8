/**
 * Child process of the live-stock benchmark: holds N graphql-ws subscribers (one socket each)
 * so the gateway's memory is measured without theirs, and reports receipt latencies over IPC.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const [wsUrl, countText, sku, locationId] = process.argv.slice(2);
const count = Number(countText);
const QUERY = `subscription($skus: [String!], $locationIds: [ID!]) { stockChanged(skus: $skus, locationIds: $locationIds) {
  kind sku available version occurredAt variant { title product { title } } } }`;

const clients: Client[] = [];
const latencies: number[] = [];
let snapshots = 0;
let errors = 0;
const send = (message: object) => process.send?.(message);

async function connectAll(): Promise<void> {
  for (let start = 0; start < count; start += 250) {
    await Promise.all(
      Array.from(
        { length: Math.min(250, count - start) },
        () =>
          new Promise<void>((resolve) => {
            const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
            clients.push(client);
            client.subscribe<{ stockChanged: { kind: string; occurredAt: string } }>(
              { query: QUERY, variables: { skus: [sku], locationIds: [locationId] } },
              {
                next: ({ data }) => {
                  if (data?.stockChanged.kind === 'SNAPSHOT') {
                    snapshots += 1;
                    resolve();
                  } else if (data) {
                    latencies.push(Date.now() - Date.parse(data.stockChanged.occurredAt));
                    if (latencies.length === count) send({ type: 'received', latencies });
                  }
                },
                error: () => {
                  errors += 1;
                  resolve();
                },
                complete: () => {},
              },
            );
          }),
      ),
    );
  }
  send({ type: 'ready', snapshots, errors });
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'close') {
    void Promise.all(clients.map(async (c) => c.dispose())).then(() => process.exit(0));
  }
});

void connectAll();
