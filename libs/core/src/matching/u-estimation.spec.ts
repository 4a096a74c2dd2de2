import { compileComparison } from './compare';
import { extractFeatures } from './features';
import { MatchRecord } from './match-record';
import { estimateU, reestimateU } from './u-estimation';

const phone = compileComparison({ name: 'phone', field: 'phone', levels: [{ label: 'exact', rule: { type: 'exact' } }] });
const postalCode = compileComparison({ name: 'postalCode', field: 'postalCode', levels: [{ label: 'exact', rule: { type: 'exact' } }] });

/**
 * 10 companies, each with 2 records sharing its phone (one company, two sources), all in postal
 * codes 75001 (companies 0–4) or 69001 (5–9): 20 records, 190 pairs, all drawn.
 */
function records(): MatchRecord[] {
  return Array.from({ length: 20 }, (_, i) => {
    const company = Math.floor(i / 2);
    return { id: String(i).padStart(2, '0'), kind: 'organization', phones: [`+3347800000${company}`], postalCode: company < 5 ? '75001' : '69001' };
  });
}

describe('u estimation', () => {
  const features = records().map((r) => extractFeatures(r));
  const estimate = estimateU(features, [phone, postalCode]);

  it('counts the levels of random pairs (here all 190 pairs)', () => {
    expect(estimate.sampledPairs).toBe(190);
    // 10 of the 190 pairs share a phone: u(exact) = 10/190 = 0.053 — but all 10 are one company's two records
    expect(estimate.u[0][1]).toBeCloseTo(10 / 190, 6);
    // postal code from the value counts: 2 codes × 10 records, Σ c(c−1) / N(N−1) = 180/380 = 0.474
    expect(estimate.u[1][1]).toBeCloseTo(180 / 380, 6);
  });

  it('leaves out the pairs a first model calls matches', () => {
    const isMatch = (p: number) => features[estimate.sample.left[p]].phones[0] === features[estimate.sample.right[p]].phones[0];
    const u = reestimateU(features, [phone, postalCode], estimate, isMatch);
    // no pair of two companies shares a phone: u(exact) = half a pair / 180 (a level never seen gets half a pair)
    expect(u[0][1]).toBeCloseTo(0.5 / 180.5, 6);
    // the 10 matches (each in one postal code) come off the exact postal-code share: 180/380 − 10/190 = 0.421
    expect(u[1][1]).toBeCloseTo(180 / 380 - 10 / 190, 6);
    // nothing called a match: the first estimate, unchanged
    expect(reestimateU(features, [phone, postalCode], estimate, () => false)).toBe(estimate.u);
  });
});
