import { clusterLinks, LinkedPairs } from './clustering';

/** Links and a full probability table for a handful of records. */
function setup(n: number, probabilities: [number, number, number][], linkAt = 0.99) {
  const table = new Map<string, number>();
  for (const [i, j, p] of probabilities) table.set(`${Math.min(i, j)}-${Math.max(i, j)}`, p);
  const linked = probabilities.filter(([, , p]) => p >= linkAt);
  const links: LinkedPairs = {
    left: Uint32Array.from(linked, ([i]) => i),
    right: Uint32Array.from(linked, ([, j]) => j),
    probability: Float64Array.from(linked, ([, , p]) => p),
    length: linked.length,
  };
  const probability = (i: number, j: number) => table.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? 0.01;
  return { links, probability, rank: Int32Array.from({ length: n }, (_, i) => i) };
}

const groupsOf = (labels: Int32Array) => {
  const groups = new Map<number, number[]>();
  labels.forEach((l, i) => groups.set(l, [...(groups.get(l) ?? []), i]));
  return [...groups.values()];
};

describe('clusterLinks', () => {
  it('refuses to chain two groups through one strong link', () => {
    // 0,1,2 are one person (0.999 between each), 3,4,5 another; 2–3 is one link at 0.995 and
    // every other pair across is 0.01. Connected components would give one cluster of six.
    const within: [number, number, number][] = [
      [0, 1, 0.999], [0, 2, 0.999], [1, 2, 0.999],
      [3, 4, 0.999], [3, 5, 0.999], [4, 5, 0.999],
    ];
    const { links, probability, rank } = setup(6, [...within, [2, 3, 0.995]]);
    // merging {0,1,2} and {3,4,5}: (0.995 + 8 × 0.01) / 9 = 0.12, below the default 0.4
    expect(groupsOf(clusterLinks(6, links, probability, rank))).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  it('merges a group whose unlinked pair is still plausible', () => {
    // 0–1 and 1–2 are links (0.999); 0–2 was not linked (0.2): {0,1} + {2} averages (0.999 + 0.2)/2 = 0.60 ≥ 0.5
    const { links, probability, rank } = setup(3, [[0, 1, 0.999], [1, 2, 0.999], [0, 2, 0.2]]);
    expect(groupsOf(clusterLinks(3, links, probability, rank))).toEqual([[0, 1, 2]]);
    // with 0–2 at 0.0001 the average is 0.49995: at a merge threshold of 0.5 record 2 stays apart,
    // at the default 0.4 it joins
    const weaker = setup(3, [[0, 1, 0.999], [1, 2, 0.999], [0, 2, 0.0001]]);
    expect(groupsOf(clusterLinks(3, weaker.links, weaker.probability, weaker.rank, { minAverageProbability: 0.5 }))).toEqual([[0, 1], [2]]);
    expect(groupsOf(clusterLinks(3, weaker.links, weaker.probability, weaker.rank))).toEqual([[0, 1, 2]]);
    // a chain 0–1–2–3 of links, every other pair 0.0001: {0,1} and {2,3} form first; merging them
    // averages (0.999 + 3 × 0.0001)/4 = 0.25 < 0.4, so the chain is cut in two
    const chain = setup(4, [[0, 1, 0.999], [1, 2, 0.999], [2, 3, 0.999], [0, 2, 0.0001], [0, 3, 0.0001], [1, 3, 0.0001]]);
    expect(groupsOf(clusterLinks(4, chain.links, chain.probability, chain.rank))).toEqual([[0, 1], [2, 3]]);
    // a stricter setting keeps record 2 apart even at 0.2
    expect(groupsOf(clusterLinks(3, links, probability, rank, { minAverageProbability: 0.9 }))).toEqual([[0, 1], [2]]);
  });

  it('never puts a cannot-link pair in one cluster', () => {
    const { links, probability, rank } = setup(3, [[0, 1, 0.999], [1, 2, 0.999], [0, 2, -Infinity]]);
    expect(groupsOf(clusterLinks(3, links, probability, rank))).toEqual([[0, 1], [2]]);
  });

  it('labels each record with its cluster’s first record by rank, whatever the input order', () => {
    const { links, probability } = setup(4, [[0, 1, 0.999], [2, 3, 0.999]]);
    // rank says record 1 comes before record 0 (e.g. ids "b" < "c"), and 3 before 2
    expect([...clusterLinks(4, links, probability, Int32Array.from([1, 0, 3, 2]))]).toEqual([1, 1, 3, 3]);
  });

  it('keeps a must-link pair together, even against a cannot-link of one of them', () => {
    // 0 and 1 look unlike (0.01) but a steward merged them; 1–2 is a strong link (0.999) and 0–2 a
    // cannot-link: {0,1} never takes 2, and 2 stays alone rather than taking 1 away from 0
    const { links, probability, rank } = setup(3, [[1, 2, 0.999], [0, 2, -Infinity]]);
    const mustLink = { left: [0], right: [1], length: 1 };
    expect(groupsOf(clusterLinks(3, links, probability, rank))).toEqual([[0], [1, 2]]);
    expect(groupsOf(clusterLinks(3, links, probability, rank, { mustLink }))).toEqual([[0, 1], [2]]);
    // without the cannot-link, {0,1} + {2} averages (0.01 + 0.999) / 2 = 0.50 ≥ 0.4: one cluster
    const plain = setup(3, [[1, 2, 0.999], [0, 2, 0.01]]);
    expect(groupsOf(clusterLinks(3, plain.links, plain.probability, plain.rank, { mustLink }))).toEqual([[0, 1, 2]]);
    // a must-link pair with no link at all still forms one cluster
    const apart = setup(4, [[2, 3, 0.999]]);
    expect(groupsOf(clusterLinks(4, apart.links, apart.probability, apart.rank, { mustLink: { left: [0], right: [1], length: 1 } }))).toEqual([[0, 1], [2, 3]]);
  });
});
