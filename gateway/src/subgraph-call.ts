import { request } from 'undici';

/** What a subgraph answered, read whole: all the gateway looks at. */
export interface SubgraphAnswer {
  status: number;
  /** The answer's Content-Type, when it has one. */
  contentType: string | undefined;
  body: string;
}

/**
 * One call to a subgraph with undici's `request`, on pooled keep-alive connections, read whole.
 * Plain header records both ways: WHATWG Headers, Requests and Responses (and reading a body
 * through their streams) cost the gateway more CPU per call than the call's own HTTP work.
 */
export async function callSubgraph(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SubgraphAnswer> {
  const answer = await request(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const contentType = answer.headers['content-type'];
  return {
    status: answer.statusCode,
    contentType: Array.isArray(contentType) ? contentType[0] : contentType,
    body: await answer.body.text(),
  };
}
