import { MergeHeap } from './max-heap';
import { UnionFind } from './union-find';

/** Linked pairs (probability at or above the link threshold) as parallel arrays. */
export interface LinkedPairs {
  left: Uint32Array;
  right: Uint32Array;
  probability: Float64Array;
  length: number;
}

export interface ClusteringOptions {
  /**
   * Two clusters merge only when the average match probability over all their cross pairs is at
   * least this (average linkage). One strong link between two groups is not enough.
   */
  minAverageProbability?: number;
  /**
   * Pairs that must end in one cluster whatever their probabilities (a steward's "merge"): each
   * group they form starts as one cluster, and average linkage only grows it.
   */
  mustLink?: { left: ArrayLike<number>; right: ArrayLike<number>; length: number };
}

export const DEFAULT_MIN_AVERAGE_PROBABILITY = 0.4;

/**
 * Probability of any pair of records (scored on demand when it was not linked); -Infinity for a
 * pair that must never be in one cluster (different SIRENs, "not a match").
 */
export type PairProbability = (i: number, j: number) => number;

/**
 * Clusters records from their links, resisting chaining.
 *
 * Connected components of the links (what Splink does) chain: A–B and B–C put A and C together
 * however unlike they are, and on messy data one component can swallow thousands of records.
 * Here each component is clustered by average linkage: start from single records and repeatedly
 * merge the two linked clusters with the highest average probability over ALL their cross pairs
 * (pairs never compared are scored on demand), while that average stays at or above
 * `minAverageProbability` and no cross pair is a cannot-link. Two tight groups joined by one
 * strong link stay apart: the link is one pair among |A|·|B| and the others pull the average
 * down. Only linked clusters are candidates for a merge, so the cost follows the links, not the
 * square of the component size.
 *
 * `rank` orders the records (by id): ties are broken by it, so the result does not depend on the
 * order records were given in. Returns, for each record, the index of its cluster's lowest-ranked
 * member.
 */
export function clusterLinks(n: number, links: LinkedPairs, pairProbability: PairProbability, rank: Int32Array, options: ClusteringOptions = {}): Int32Array {
  const minAverage = options.minAverageProbability ?? DEFAULT_MIN_AVERAGE_PROBABILITY;
  const uf = new UnionFind(n);
  for (let p = 0; p < links.length; p++) uf.union(links.left[p], links.right[p]);
  const mustLink = options.mustLink;
  const together = new UnionFind(n);
  for (let p = 0; p < (mustLink?.length ?? 0); p++) {
    uf.union(mustLink!.left[p], mustLink!.right[p]);
    together.union(mustLink!.left[p], mustLink!.right[p]);
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const members = components.get(root);
    if (members) members.push(i);
    else components.set(root, [i]);
  }
  const linksByComponent = new Map<number, number[]>();
  for (let p = 0; p < links.length; p++) {
    const root = uf.find(links.left[p]);
    if ((components.get(root)?.length ?? 0) < 3) continue;
    const list = linksByComponent.get(root);
    if (list) list.push(p);
    else linksByComponent.set(root, [p]);
  }
  const labels = new Int32Array(n);
  for (const [root, members] of components) {
    members.sort((x, y) => rank[x] - rank[y]);
    if (members.length < 3) {
      for (const i of members) labels[i] = members[0];
      continue;
    }
    const groups = averageLinkage(members, linksByComponent.get(root) ?? [], links, pairProbability, minAverage, (i) => together.find(i));
    for (const group of groups) {
      let first = group[0];
      for (const i of group) if (rank[i] < rank[first]) first = i;
      for (const i of group) labels[i] = first;
    }
  }
  return labels;
}

function averageLinkage(
  members: number[],
  linkIds: number[],
  links: LinkedPairs,
  pairProbability: PairProbability,
  minAverage: number,
  groupOf: (i: number) => number,
): number[][] {
  // the starting clusters: single records, or the groups that must stay together
  const local = new Map<number, number>();
  const start = new Map<number, number>();
  const groups: number[][] = [];
  for (const g of members) {
    const root = groupOf(g);
    let index = start.get(root);
    if (index === undefined) {
      index = groups.length;
      start.set(root, index);
      groups.push([]);
    }
    groups[index].push(g);
    local.set(g, index);
  }
  const s = groups.length;
  // groups[a]: the records of cluster a; sums[a]: linked cluster → sum of probabilities over all cross pairs
  let sums: Map<number, number>[] = groups.map(() => new Map());
  for (const id of linkIds) {
    const a = local.get(links.left[id])!;
    const b = local.get(links.right[id])!;
    if (a === b || sums[a].has(b)) continue;
    const sum = groups[a].length === 1 && groups[b].length === 1 ? links.probability[id] : crossSum(a, b);
    sums[a].set(b, sum);
    sums[b].set(a, sum);
  }
  function crossSum(a: number, b: number): number {
    let sum = 0;
    for (const i of groups[a])
      for (const j of groups[b]) {
        sum += pairProbability(i, j);
        if (sum === -Infinity) return sum;
      }
    return sum;
  }
  const stamp = new Int32Array(s);
  const alive = new Uint8Array(s).fill(1);
  const heap = new MergeHeap();
  const offer = (a: number, b: number, sum: number) => {
    const x = Math.min(a, b);
    const y = Math.max(a, b);
    const score = sum / (groups[x].length * groups[y].length);
    if (score >= minAverage) heap.push({ score, a: x, b: y, stampA: stamp[x], stampB: stamp[y] });
  };
  for (let a = 0; a < s; a++) for (const [b, sum] of sums[a]) if (a < b) offer(a, b, sum);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const { a, b } = top;
    if (!alive[a] || !alive[b] || stamp[a] !== top.stampA || stamp[b] !== top.stampB) continue;
    // merge b into a; the sums to their neighbours are completed over all cross pairs
    const merged = new Map<number, number>();
    for (const x of new Set([...sums[a].keys(), ...sums[b].keys()])) {
      if (x === a || x === b) continue;
      const total = (sums[a].get(x) ?? crossSum(a, x)) + (sums[b].get(x) ?? crossSum(b, x));
      sums[x].delete(a);
      sums[x].delete(b);
      sums[x].set(a, total);
      merged.set(x, total);
    }
    sums[a] = merged;
    sums[b] = new Map();
    alive[b] = 0;
    for (const i of groups[b]) groups[a].push(i);
    groups[b] = [];
    stamp[a]++;
    for (const [x, sum] of merged) offer(a, x, sum);
  }
  sums = [];
  return groups.filter((g, i) => alive[i] && g.length > 0);
}
