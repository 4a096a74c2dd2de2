import { BoundedMemo } from './memo';

describe('BoundedMemo', () => {
  it('keeps the results of the last two generations, and brings back to the recent one a result still in use', () => {
    const memo = new BoundedMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    // full: a and b become the older generation
    memo.set('c', 3);
    expect(memo.get('a')).toBe(1);
    // a moved back to the recent generation (c, a): the next rotation keeps it, and drops b
    memo.set('d', 4);
    expect(memo.get('a')).toBe(1);
    expect(memo.get('c')).toBe(3);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('zz')).toBeUndefined();
  });

  it('remembers a false or empty result', () => {
    const memo = new BoundedMemo<boolean | string>(10);
    memo.set('no', false);
    memo.set('empty', '');
    expect(memo.get('no')).toBe(false);
    expect(memo.get('empty')).toBe('');
  });
});
