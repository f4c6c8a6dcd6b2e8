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

  it('pages backward where a list allows it, and refuses it elsewhere or mixed with first/after', () => {
    expect(() => pageRequest({ last: 2 })).toThrow(GraphQLError);
    expect(() => pageRequest({ first: 2, last: 2 }, { backward: true })).toThrow(GraphQLError);
    const page = pageRequest({ last: 2, before: encodeCursor(['d']) }, { backward: true });
    expect(page).toMatchObject({ first: 2, limit: 3, after: ['d'], backward: true });
    // Rows come in reverse from `before`: c, b, then a (one more, so a previous page exists).
    const connection = toConnection(['c', 'b', 'a'], page, (row) => [row]);
    expect(connection.nodes).toEqual(['b', 'c']);
    expect(connection.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true, startCursor: encodeCursor(['b']) });
  });
});
