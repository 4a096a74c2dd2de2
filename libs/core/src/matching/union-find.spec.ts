import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('groups what unions join, directly or through others, whatever their order', () => {
    const forward = new UnionFind(6);
    forward.union(4, 1);
    forward.union(1, 3);
    forward.union(5, 2);
    const backward = new UnionFind(6);
    backward.union(2, 5);
    backward.union(3, 1);
    backward.union(1, 4);
    for (const sets of [forward, backward]) {
      expect(sets.groups()).toEqual([[0], [1, 3, 4], [2, 5]]);
      expect(sets.find(4)).toBe(1);
    }
  });
});
