/** Quality of a clustering against the truth, on the same records. */
export interface ClusterMetrics {
  records: number;
  /** Pairs put together by the clustering, by the truth, and by both. */
  predictedPairs: number;
  truePairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** B-cubed (per record, averaged): less dominated by large clusters than pairwise figures. */
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  /** Adjusted Rand index: 1 = same partition, about 0 = as good as chance. */
  adjustedRand: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Compares two partitions given as one label per record. A record without a true label is its own
 * entity. Everything comes from the contingency table (predicted cluster × true entity).
 */
export function evaluateClusters(predicted: readonly string[], truth: readonly (string | undefined)[]): ClusterMetrics {
  if (predicted.length !== truth.length) throw new Error('evaluateClusters: one predicted and one true label per record');
  const n = predicted.length;
  const cells = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = truth[i] === undefined || truth[i] === '' ? `\u0000${i}` : truth[i]!;
    const p = predicted[i];
    cells.set(`${p}\u0001${t}`, (cells.get(`${p}\u0001${t}`) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
  }
  let truePositives = 0;
  let bcubedPrecision = 0;
  let bcubedRecall = 0;
  for (const [key, count] of cells) {
    const sep = key.indexOf('\u0001');
    truePositives += pairs(count);
    bcubedPrecision += (count * count) / predictedSizes.get(key.slice(0, sep))!;
    bcubedRecall += (count * count) / trueSizes.get(key.slice(sep + 1))!;
  }
  let predictedPairs = 0;
  for (const size of predictedSizes.values()) predictedPairs += pairs(size);
  let truePairs = 0;
  for (const size of trueSizes.values()) truePairs += pairs(size);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  bcubedPrecision = n === 0 ? 1 : bcubedPrecision / n;
  bcubedRecall = n === 0 ? 1 : bcubedRecall / n;
  const expected = pairs(n) === 0 ? 0 : (predictedPairs * truePairs) / pairs(n);
  const maximum = (predictedPairs + truePairs) / 2;
  const adjustedRand = maximum === expected ? 1 : (truePositives - expected) / (maximum - expected);
  return {
    records: n,
    predictedPairs,
    truePairs,
    truePositives,
    precision,
    recall,
    f1: f1(precision, recall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
    adjustedRand,
  };
}
