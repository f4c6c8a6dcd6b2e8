import { parse } from 'graphql';
import { SharedFetches, type SubgraphRequest } from './shared-fetch';
import type { SubgraphAnswer } from './subgraph-call';

const QUERY = 'query Q__products__0 { products(first: 2) { nodes { title } } }';
const init = (query: string, authorization?: string, variables: Record<string, unknown> = {}): SubgraphRequest => ({
  document: parse(query),
  authorization,
  body: JSON.stringify({ query, variables }),
});

/** A send that answers when told to, counting its calls. */
function gate() {
  const calls: string[] = [];
  let release: (response: SubgraphAnswer) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const send = (label: string) => () => {
    calls.push(label);
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
  };
  return { calls, send, release: (r: SubgraphAnswer) => release(r), fail: (e: Error) => fail(e) };
}

const answer = (): SubgraphAnswer => ({
  status: 200,
  contentType: 'application/json',
  body: '{"data":{"products":{"nodes":[{"title":"A"}]}}}',
});

it('sends identical queries in flight once and gives each caller the answer', async () => {
  const shared = new SharedFetches();
  const { calls, send, release } = gate();
  const waiting = [1, 2, 3].map((i) => shared.fetch('products', init(QUERY), send(`call ${i}`)));
  expect(shared.size).toBe(1);
  release(answer());
  const responses = await Promise.all(waiting);
  expect(calls).toEqual(['call 1']);
  for (const response of responses) {
    expect(response).toMatchObject({ status: 200, contentType: 'application/json' });
    expect(JSON.parse(response.body)).toEqual({ data: { products: { nodes: [{ title: 'A' }] } } });
  }
  // Settled: the next identical query goes out again.
  const next = shared.fetch('products', init(QUERY), send('after'));
  release(answer());
  await next;
  expect(calls).toEqual(['call 1', 'after']);
  expect(shared.size).toBe(0);
});

it('never shares between tokens, subgraphs, variables or a token and none', async () => {
  const shared = new SharedFetches();
  const { calls, send } = gate();
  void shared.fetch('products', init(QUERY), send('anonymous'));
  void shared.fetch('products', init(QUERY, 'Bearer a'), send('token a'));
  void shared.fetch('products', init(QUERY, 'Bearer b'), send('token b'));
  void shared.fetch('inventory', init(QUERY), send('other subgraph'));
  void shared.fetch('products', init(QUERY, undefined, { first: 3 }), send('other variables'));
  expect(calls).toEqual(['anonymous', 'token a', 'token b', 'other subgraph', 'other variables']);
});

it('never shares a mutation, even one named like a query', async () => {
  const shared = new SharedFetches();
  const { calls, send } = gate();
  const mutation = 'mutation query__products__0 { productArchive(id: "1") { product { id } } }';
  void shared.fetch('products', init(mutation), send('first'));
  void shared.fetch('products', init(mutation), send('second'));
  const several = 'query Q { products(first: 1) { nodes { id } } } mutation M { productArchive(id: "1") { product { id } } }';
  // One parsed document, as the query plan hands the same one over with every call.
  const document = parse(several);
  const asM = (): SubgraphRequest => ({ document, operationName: 'M', body: JSON.stringify({ query: several, operationName: 'M' }) });
  void shared.fetch('products', asM(), send('M once'));
  void shared.fetch('products', asM(), send('M twice'));
  expect(calls).toEqual(['first', 'second', 'M once', 'M twice']);
});

it('gives every waiter the failure of the request they shared, then forgets it', async () => {
  const shared = new SharedFetches();
  const { calls, send, fail } = gate();
  const waiting = [1, 2].map((i) => shared.fetch('products', init(QUERY), send(`call ${i}`)));
  fail(new Error('The operation was aborted due to timeout'));
  for (const result of await Promise.allSettled(waiting)) {
    expect(result).toMatchObject({ status: 'rejected', reason: { message: 'The operation was aborted due to timeout' } });
  }
  expect(calls).toEqual(['call 1']);
  expect(shared.size).toBe(0);
});

it('counts each caller answered by another request', async () => {
  const counted: string[] = [];
  const shared = new SharedFetches((subgraph) => counted.push(subgraph));
  const { send, release } = gate();
  const waiting = [1, 2, 3].map((i) => shared.fetch('products', init(QUERY), send(`call ${i}`)));
  release(answer());
  await Promise.all(waiting);
  expect(counted).toEqual(['products', 'products']);
});
