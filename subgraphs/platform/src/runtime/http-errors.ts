import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

/** The largest request body accepted on /graphql; a larger one is answered 413. */
export const DEFAULT_MAX_BODY_BYTES = 100_000;

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** What a request body over the limit is answered, with status 413. */
export const BODY_TOO_LARGE = graphqlError('The request body is too large', 'BAD_REQUEST');

/**
 * What a GraphQL endpoint accepts before Apollo sees the request: a POST must say it is JSON
 * (anything else is 415), its body must parse (400) and be at most `maxBytes` (413). Each refusal
 * is a JSON GraphQL error, never an HTML page or a stack trace, in every mode.
 */
export function graphqlBody(maxBytes = DEFAULT_MAX_BODY_BYTES): RequestHandler[] {
  const json = express.json({ limit: maxBytes });
  return [
    (req, res, next) => {
      if (req.method === 'POST' && !req.is(['application/json', 'application/graphql-response+json'])) {
        res.status(415).json(graphqlError('Send the GraphQL request as JSON (content-type: application/json)', 'BAD_REQUEST'));
        return;
      }
      next();
    },
    json,
  ];
}

/** Turns whatever reached Express's error path into a JSON GraphQL error with a fitting status. */
export function jsonErrorHandler(onUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    if (type === 'entity.too.large') {
      res.status(413).json(BODY_TOO_LARGE);
    } else if (type === 'entity.parse.failed') {
      res.status(400).json(graphqlError('The request body is not valid JSON', 'BAD_REQUEST'));
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(graphqlError('The request could not be read', 'BAD_REQUEST'));
    } else {
      onUnexpected(error);
      res.status(500).json(graphqlError('Internal error', 'INTERNAL_SERVER_ERROR'));
    }
  };
}

/** Anything no route answered: a JSON 404, not Express's HTML page. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).json(graphqlError('Not found', 'NOT_FOUND'));
  };
}
