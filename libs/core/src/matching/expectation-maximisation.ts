/**
 * Unsupervised estimation of Fellegi–Sunter parameters (Winkler 1988; the recipe Splink follows).
 * Candidate pairs are grouped by comparison vector (the level of every comparison), so one
 * iteration costs the number of distinct vectors, not the number of pairs.
 */
export interface ComparisonVectors {
  /** Number of comparisons per vector. */
  width: number;
  /** Levels, vector after vector (vectors × width). */
  levels: Uint8Array;
  /** How many pairs have each vector. */
  counts: Float64Array;
}

export interface FellegiSunterParameters {
  /** λ, share of matches among the pairs. */
  prior: number;
  /** m[c][level], u[c][level]; index 0 is the null level (ignored). */
  m: number[][];
  u: number[][];
}

export interface EmOptions {
  maxIterations?: number;
  /** Stop when no parameter moves more than this. */
  tolerance?: number;
  /** Keep u as given (estimated on random pairs) and estimate only m and λ: Splink's default. */
  fixU?: boolean;
  /** Keep m as given too: only λ is estimated. */
  fixM?: boolean;
  /**
   * Weight, in pairs, of the starting values in each M step (a Dirichlet prior): a level seen among
   * a handful of matches, or none, keeps part of its starting m instead of collapsing to 0 and
   * vetoing every future match at that level. Negligible once thousands of matches are seen.
   */
  priorStrength?: number;
}

export interface EmResult extends FellegiSunterParameters {
  iterations: number;
  converged: boolean;
}

/** Probabilities never reach 0: a level never seen among matches still has a tiny chance. */
const FLOOR = 1e-6;

export function expectationMaximisation(vectors: ComparisonVectors, start: FellegiSunterParameters, options: EmOptions = {}): EmResult {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-5;
  const fixU = options.fixU ?? true;
  const strength = options.priorStrength ?? 5;
  const { width, levels, counts } = vectors;
  const n = counts.length;
  let prior = start.prior;
  let m = start.m.map((row) => [...row]);
  let u = start.u.map((row) => [...row]);
  const posterior = new Float64Array(n);
  let converged = false;
  let iteration = 0;
  while (iteration < maxIterations && !converged) {
    iteration++;
    // E step: probability that each vector is a match.
    for (let p = 0; p < n; p++) {
      let likeM = prior;
      let likeU = 1 - prior;
      for (let c = 0; c < width; c++) {
        const level = levels[p * width + c];
        if (level === 0) continue;
        likeM *= m[c][level];
        likeU *= u[c][level];
      }
      posterior[p] = likeM / (likeM + likeU);
    }
    // M step: expected level frequencies among matches (and non-matches).
    let total = 0;
    let matches = 0;
    const sumM = m.map((row) => new Float64Array(row.length));
    const sumU = u.map((row) => new Float64Array(row.length));
    for (let p = 0; p < n; p++) {
      const wm = counts[p] * posterior[p];
      const wu = counts[p] - wm;
      total += counts[p];
      matches += wm;
      for (let c = 0; c < width; c++) {
        const level = levels[p * width + c];
        sumM[c][level] += wm;
        sumU[c][level] += wu;
      }
    }
    const nextM = options.fixM ? m : sumM.map((row, c) => normalise(smooth(row, start.m[c], strength)));
    const nextU = fixU ? u : sumU.map((row, c) => normalise(smooth(row, start.u[c], strength)));
    const nextPrior = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
    const delta = Math.max(Math.abs(nextPrior - prior), maxDelta(m, nextM), maxDelta(u, nextU));
    prior = nextPrior;
    m = nextM;
    u = nextU;
    converged = delta < tolerance;
  }
  return { prior, m, u, iterations: iteration, converged };
}

/** Adds `strength` pairs spread as the starting probabilities say. */
function smooth(sums: Float64Array, start: number[], strength: number): Float64Array {
  if (strength <= 0) return sums;
  let total = 0;
  for (let l = 1; l < start.length; l++) total += start[l];
  for (let l = 1; l < sums.length; l++) sums[l] += total > 0 ? (strength * start[l]) / total : 0;
  return sums;
}

/** Level shares over the non-null levels (index 0 stays 1), floored. */
export function normalise(sums: ArrayLike<number>): number[] {
  let total = 0;
  for (let l = 1; l < sums.length; l++) total += sums[l];
  const out = [1];
  for (let l = 1; l < sums.length; l++) out.push(total > 0 ? Math.max(FLOOR, sums[l] / total) : 1 / (sums.length - 1));
  return out;
}

function maxDelta(a: number[][], b: number[][]): number {
  let max = 0;
  for (let c = 0; c < a.length; c++) for (let l = 1; l < a[c].length; l++) max = Math.max(max, Math.abs(a[c][l] - b[c][l]));
  return max;
}

/** Starting m: most matches agree at the strongest level, few fall to "else". */
export function startingM(levelCount: number): number[] {
  const k = levelCount - 2;
  const m = [1];
  if (k <= 0) return [1, 1];
  m.push(k === 1 ? 0.9 : 0.75);
  for (let l = 2; l <= k; l++) m.push(0.2 / (k - 1));
  m.push(k === 1 ? 0.1 : 0.05);
  return m;
}
