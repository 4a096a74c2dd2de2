import { evaluateClusters } from './evaluation';

describe('evaluateClusters', () => {
  it('computes pairwise, B-cubed and adjusted Rand figures on a hand-made example', () => {
    // truth: {0,1,2} {3,4} {5}; predicted: {0,1} {2,3,4} {5}
    const m = evaluateClusters(['p1', 'p1', 'p2', 'p2', 'p2', 'p3'], ['A', 'A', 'A', 'B', 'B', 'C']);
    // true pairs: 3 in A + 1 in B = 4; predicted pairs: 1 + 3 = 4; correct: 0–1 and 3–4 = 2
    expect([m.truePairs, m.predictedPairs, m.truePositives]).toEqual([4, 4, 2]);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBe(0.5);
    // B-cubed precision: per record |cluster ∩ entity| / |cluster| = (2·(2/2) + 1/3 + 2·(2/3) + 1)/6 = 0.778
    expect(m.bcubedPrecision).toBeCloseTo(0.7778, 4);
    // B-cubed recall: per record |cluster ∩ entity| / |entity| = (2·(2/3) + 1/3 + 2·(2/2) + 1)/6 = 0.778
    expect(m.bcubedRecall).toBeCloseTo(0.7778, 4);
    // ARI: expected index 4·4/15 = 1.067; (2 − 1.067) / (4 − 1.067) = 0.318
    expect(m.adjustedRand).toBeCloseTo(0.3182, 4);
  });

  it('is perfect on identical partitions, whatever the labels', () => {
    const m = evaluateClusters(['x', 'x', 'y'], ['1', '1', '2']);
    expect([m.precision, m.recall, m.f1, m.bcubedF1, m.adjustedRand]).toEqual([1, 1, 1, 1, 1]);
  });

  it('treats a record without a true label as an entity of its own', () => {
    const m = evaluateClusters(['x', 'x'], [undefined, undefined]);
    expect(m.truePairs).toBe(0);
    expect(m.precision).toBe(0);
  });
});
