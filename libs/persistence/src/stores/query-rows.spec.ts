import { rowsOf } from './query-rows';

describe('rowsOf', () => {
  it('unwraps the [rows, rowCount] pair of an UPDATE … RETURNING', () => {
    expect(rowsOf([[{ id: 1 }, { id: 2 }], 2])).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps the rows of a SELECT or INSERT as they are', () => {
    expect(rowsOf([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rowsOf([])).toEqual([]);
  });
});
