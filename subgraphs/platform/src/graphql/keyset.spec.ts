import { encodeCursor, pageRequest } from './connection';
import { keysetAfter, rowsAfter } from './keyset';

const ID = '0b8f0c55-8d5e-4c41-9a42-3f1d0f2a7c11';
const page = (values: unknown[] | null) => pageRequest({ first: 10, after: values ? encodeCursor(values) : null });

describe('keysetAfter', () => {
  it('reads a cursor of the expected shape, dates as Dates', () => {
    expect(keysetAfter(page(['Berlin', ID]), ['text', 'uuid'])).toEqual(['Berlin', ID]);
    expect(keysetAfter(page(['2026-12-01T10:00:00.000Z', ID]), ['date', 'uuid'])).toEqual([new Date('2026-12-01T10:00:00.000Z'), ID]);
    expect(keysetAfter(page(['2026-12-01T10:00:00.000Z', '42']), ['date', 'bigint'])).toEqual([new Date('2026-12-01T10:00:00.000Z'), '42']);
    expect(keysetAfter(page(null), ['text', 'uuid'])).toBeNull();
  });

  it.each([
    ["another list's cursor", ['2026-12-01T10:00:00.000Z', ID, 3]],
    ['a non-uuid tie-breaker', ['Berlin', 'x; drop table']],
    ['a bigint id that is not a number', ['2026-12-01T10:00:00.000Z', '12 or 1=1']],
    ['a number where text belongs', [42, ID]],
    ['a date that is not one', ['yesterday', ID]],
  ])('refuses %s as BAD_USER_INPUT', (_label, values) => {
    const kinds =
      values[1] === '12 or 1=1'
        ? (['date', 'bigint'] as const)
        : values[0] === 'yesterday'
          ? (['date', 'uuid'] as const)
          : (['text', 'uuid'] as const);
    expect(() => keysetAfter(page(values), kinds)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});

describe('rowsAfter', () => {
  it('continues after (value, id) in either direction, and filters nothing on the first page', () => {
    expect(rowsAfter(['b', ID], 'name', 'asc')).toEqual({ $or: [{ name: { $gt: 'b' } }, { name: 'b', id: { $gt: ID } }] });
    expect(rowsAfter(['b', ID], 'name', 'desc')).toEqual({ $or: [{ name: { $lt: 'b' } }, { name: 'b', id: { $lt: ID } }] });
    expect(rowsAfter(null, 'name', 'asc')).toEqual({});
  });
});
