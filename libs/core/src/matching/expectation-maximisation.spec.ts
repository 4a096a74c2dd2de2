import { ComparisonVectorTable } from './comparison-vectors';
import { expectationMaximisation, FellegiSunterParameters } from './expectation-maximisation';
import { seededRandom } from './random';

// Three comparisons with three levels each (1 = exact, 2 = fuzzy, 3 = else; 0 = null is unused).
const TRUE: FellegiSunterParameters = {
  prior: 0.2,
  m: [
    [1, 0.8, 0.15, 0.05],
    [1, 0.7, 0.2, 0.1],
    [1, 0.9, 0.05, 0.05],
  ],
  u: [
    [1, 0.02, 0.08, 0.9],
    [1, 0.05, 0.15, 0.8],
    [1, 0.01, 0.04, 0.95],
  ],
};
const START: FellegiSunterParameters = {
  prior: 0.5,
  m: [
    [1, 0.6, 0.3, 0.1],
    [1, 0.6, 0.3, 0.1],
    [1, 0.6, 0.3, 0.1],
  ],
  u: [
    [1, 0.2, 0.3, 0.5],
    [1, 0.2, 0.3, 0.5],
    [1, 0.2, 0.3, 0.5],
  ],
};

/** Draws `n` pairs from the mixture: a match with probability λ, then each level from m (or u). */
function sample(n: number, seed: number) {
  const random = seededRandom(seed);
  const table = new ComparisonVectorTable(3, 4);
  const vector = new Uint8Array(3);
  const draw = (probabilities: number[]) => {
    let x = random();
    for (let l = 1; l < probabilities.length; l++) {
      x -= probabilities[l];
      if (x < 0) return l;
    }
    return probabilities.length - 1;
  };
  for (let i = 0; i < n; i++) {
    const match = random() < TRUE.prior;
    for (let c = 0; c < 3; c++) vector[c] = draw(match ? TRUE.m[c] : TRUE.u[c]);
    table.add(vector);
  }
  return table.toVectors();
}

describe('expectationMaximisation', () => {
  it('recovers λ, m and u of a synthetic sample without labels', () => {
    const result = expectationMaximisation(sample(50_000, 7), START, { fixU: false, maxIterations: 500, tolerance: 1e-7 });
    // with 50,000 pairs (10,000 matches) every estimate is within 0.02 of the truth
    expect(result.prior).toBeCloseTo(0.2, 1);
    for (let c = 0; c < 3; c++)
      for (let l = 1; l <= 3; l++) {
        expect(Math.abs(result.m[c][l] - TRUE.m[c][l])).toBeLessThan(0.02);
        expect(Math.abs(result.u[c][l] - TRUE.u[c][l])).toBeLessThan(0.02);
      }
    expect(result.converged).toBe(true);
  });

  it('estimates m and λ with u held fixed (u from random pairs, as Splink does)', () => {
    const result = expectationMaximisation(sample(20_000, 11), { ...START, u: TRUE.u }, { fixU: true, maxIterations: 200 });
    expect(result.u).toEqual(TRUE.u);
    expect(Math.abs(result.prior - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(result.m[0][1] - 0.8)).toBeLessThan(0.02); // m of "exact" on the first comparison
    expect(Math.abs(result.m[2][3] - 0.05)).toBeLessThan(0.02); // m of "else" on the third
  });

  it('with m and u fixed, estimates only λ', () => {
    const result = expectationMaximisation(sample(20_000, 3), { prior: 0.5, m: TRUE.m, u: TRUE.u }, { fixU: true, fixM: true, maxIterations: 200 });
    expect(result.m).toEqual(TRUE.m);
    expect(Math.abs(result.prior - 0.2)).toBeLessThan(0.01);
  });
});
