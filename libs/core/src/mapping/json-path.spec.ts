import { readPath, isValidPath } from './json-path';

describe('readPath', () => {
  const payload = { a: { b: 'x' }, list: [{ n: '1' }, { n: '2' }, {}], empty: null };

  it.each([
    ['a.b', ['x']],
    ['list[0].n', ['1']],
    ['list[*].n', ['1', '2']],
    ['list[5].n', []],
    ['missing.deep', []],
    ['empty.x', []],
    ['a.b.c', []],
  ])('%s gives %j', (path, expected) => {
    expect(readPath(payload, path)).toEqual(expected);
  });

  it('does not read inherited properties', () => {
    expect(readPath({}, 'constructor')).toEqual([]);
  });

  it.each(['', 'a..b', 'a[x]', '.a', 'a.'])('refuses the malformed path %j', (path) => {
    expect(isValidPath(path)).toBe(false);
  });
});
