import diagnostics from 'node:diagnostics_channel';
import { localCallChannel } from '#platform/internal';

/**
 * The calls `work` makes between subgraphs, by operation name, among `names`: every HTTP request
 * made through undici (fetch's and the internal client's) is announced on its diagnostics channel
 * before it is sent, and every call answered in this process without a socket on the internal
 * client's own, so the count is of what was asked, answered or not. The subgraphs must run in
 * this process.
 */
export async function internalCalls(names: readonly string[], work: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = (message: unknown) => {
    const body = (message as { request: { body?: unknown } }).request.body;
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
    const name = text.startsWith('{') ? ((JSON.parse(text) as { operationName?: string }).operationName ?? '') : '';
    if (names.includes(name)) counts[name] = (counts[name] ?? 0) + 1;
  };
  const countLocal = (message: unknown) => {
    const name = (message as { operationName: string }).operationName;
    if (names.includes(name)) counts[name] = (counts[name] ?? 0) + 1;
  };
  diagnostics.subscribe('undici:request:create', count);
  localCallChannel.subscribe(countLocal);
  try {
    await work();
    return counts;
  } finally {
    diagnostics.unsubscribe('undici:request:create', count);
    localCallChannel.unsubscribe(countLocal);
  }
}
