import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from './connection';

describe('connections', () => {
  it('caps the page size at 250 with a coded error', () => {
    expect(pageRequest({ first: 250 })).toMatchObject({ first: 250, limit: 251 });
    expect(pageRequest({})).toMatchObject({ first: 50 });
    for (const first of [251, -1, 1.5]) {
      expect(() => pageRequest({ first })).toThrow(GraphQLError);
    }
    try {
      pageRequest({ first: 1000 });
    } catch (error) {
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('round-trips cursors and rejects anything else', () => {
    const values = ['TITLE', 'Road bike', '6f1c8c1e-0000-4000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(values))).toEqual(values);
    for (const bad of ['', 'not base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(/not a cursor/);
    }
  });

  it('builds edges, nodes and page info from first + 1 rows', () => {
    const page = pageRequest({ first: 2 });
    const full = toConnection([{ id: 1 }, { id: 2 }, { id: 3 }], page, (r) => [r.id]);
    expect(full.nodes).toEqual([{ id: 1 }, { id: 2 }]);
    expect(full.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor([2]) });
    const last = toConnection([{ id: 3 }], pageRequest({ first: 2, after: encodeCursor([2]) }), (r) => [r.id]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = toConnection([], page, () => []);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
