import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<{ requestId: string }>();
/** An id a caller may choose: short, printable, no spaces (it ends up in log lines and headers). */
const ACCEPTED = /^[\w.:@-]{1,128}$/;

/** The id of the request being served in this async context, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * Takes the caller's `x-request-id` (a gateway's, a load balancer's) or makes one, answers it in
 * the response header, and keeps it for the rest of the request: every log line and every masked
 * error of the request carries it, and the gateway forwards it to the subgraphs it calls.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const given = req.get(REQUEST_ID_HEADER);
    const requestId = given && ACCEPTED.test(given) ? given : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, next);
  };
}

/** Runs `work` as a request with the caller's id (as `x-request-id` would carry it), or a new one. */
export function runWithRequestId<T>(given: string | undefined, work: () => T): T {
  return storage.run({ requestId: given && ACCEPTED.test(given) ? given : randomUUID() }, work);
}
