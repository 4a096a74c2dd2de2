import { ComparisonSpec } from './comparison-spec';
import { decideMatch } from './decision';
import { MatchModel } from './match-model';
import { MatchRecord } from './match-record';
import { scorePair } from './scoring';
import { untrainedModel } from './training';

const SPECS: ComparisonSpec[] = [
  { name: 'lastName', field: 'lastName', levels: [{ label: 'exact', rule: { type: 'exact', termFrequency: true } }] },
  { name: 'birthDate', field: 'birthDate', levels: [{ label: 'exact', rule: { type: 'exact' } }] },
];

/** A hand-set model: λ = 1/101 (prior weight log2(1/100) = −6.64). */
function handModel(): MatchModel {
  const model = untrainedModel(SPECS, { link: 0.99, review: 0.5 });
  return {
    ...model,
    prior: 1 / 101,
    comparisons: [
      {
        spec: SPECS[0],
        // exact: log2(0.9/0.01) = +6.49; else: log2(0.1/0.99) = −3.31
        levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.9, u: 0.01 }, { label: 'else', m: 0.1, u: 0.99 }],
        // 1,000 last names: "martin" 51 times, "lefranc" twice, every other name once. A pair is
        // weighed by the value's frequency among the *other* records: 50 other "martin" (5 %), one
        // other "lefranc" (0.1 %), and a name held once counts as one other record (0.1 %).
        termFrequencies: { total: 1000, counts: { martin: 51, lefranc: 2 } },
      },
      {
        spec: SPECS[1],
        // exact: log2(0.8/0.001) = +9.64; else: log2(0.2/0.999) = −2.32
        levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.8, u: 0.001 }, { label: 'else', m: 0.2, u: 0.999 }],
      },
    ],
  };
}

describe('scorePair', () => {
  const model = handModel();

  it('adds the prior and log2(m/u) of each level, and explains each part', () => {
    const score = scorePair({ id: 'a', lastName: 'dubois', birthDate: '19800101' }, { id: 'b', lastName: 'dubois', birthDate: '19800101' }, model);
    // "dubois" is seen once in 1,000: u = 0.001 instead of 0.01, so the exact match weighs
    // log2(0.9/0.001) = 9.81 (6.49 + a term-frequency adjustment of log2(0.01/0.001) = 3.32)
    expect(score.contributions.map((c) => [c.comparison, c.level, Number(c.weight.toFixed(2))])).toEqual([
      ['prior', 'λ = 0.00990', -6.64],
      ['lastName', 'exact', 9.81],
      ['birthDate', 'exact', 9.64],
    ]);
    expect(score.contributions[1].termFrequencyAdjustment).toBeCloseTo(3.32, 2);
    // −6.64 + 9.81 + 9.64 = 12.81 bits: odds 7,190 to 1
    expect(score.weight).toBeCloseTo(12.81, 2);
    expect(score.probability).toBeCloseTo(0.99986, 5);
  });

  it('weighs a match on a common last name less than on a rare one', () => {
    const common = scorePair({ id: 'a', lastName: 'martin' }, { id: 'b', lastName: 'martin' }, model);
    const rare = scorePair({ id: 'a', lastName: 'kowalczyk' }, { id: 'b', lastName: 'kowalczyk' }, model);
    // martin: log2(0.9/0.05) = 4.17; kowalczyk: log2(0.9/0.001) = 9.81
    expect(common.contributions[1].weight).toBeCloseTo(4.17, 2);
    expect(rare.contributions[1].weight).toBeCloseTo(9.81, 2);
    // "lefranc" is held by two records: for either of them, one other record holds it (0.1 %),
    // as rare as a name seen once — not 0.2 %, which would count the record itself (9.81 − 1 bit)
    const pairOfTwo = scorePair({ id: 'a', lastName: 'lefranc' }, { id: 'b', lastName: 'lefranc' }, model);
    expect(pairOfTwo.contributions[1].weight).toBeCloseTo(9.81, 2);
    // a missing birth date is no evidence: weight 0
    expect(common.contributions[2]).toEqual({ comparison: 'birthDate', level: 'null', weight: 0 });
  });

  it('decides with two thresholds', () => {
    const both = scorePair({ id: 'a', lastName: 'dubois', birthDate: '19800101' }, { id: 'b', lastName: 'dubois', birthDate: '19800101' }, model);
    const nameOnly = scorePair({ id: 'a', lastName: 'dubois' }, { id: 'b', lastName: 'dubois' }, model);
    const neither = scorePair({ id: 'a', lastName: 'dubois', birthDate: '19800101' }, { id: 'b', lastName: 'durand', birthDate: '19800101' }, model);
    expect(decideMatch(both, model.thresholds)).toBe('link'); // p = 0.99986
    // −6.64 + 9.81 = 3.17 bits: p = 0.90, between review (0.5) and link (0.99)
    expect(nameOnly.probability).toBeCloseTo(0.9, 2);
    expect(decideMatch(nameOnly, model.thresholds)).toBe('review');
    // −6.64 − 3.31 + 9.64 = −0.31 bits: p = 0.45
    expect(decideMatch(neither, model.thresholds)).toBe('distinct');
  });
});

describe('scorePair: one address disagreement is counted once', () => {
  // postal code: exact log2(0.9/0.01) = +6.49, else log2(0.1/0.99) = −3.31;
  // street: exact log2(0.8/0.01) = +6.32, else log2(0.2/0.99) = −2.31, and a level "postal codes in
  // different districts" marked asNull (weight 0) between them
  const specs: ComparisonSpec[] = [
    { name: 'postalCode', field: 'postalCode', levels: [{ label: 'exact', rule: { type: 'exact' } }] },
    {
      name: 'street',
      field: 'street',
      levels: [
        { label: 'exact', rule: { type: 'exact' } },
        { label: 'postal codes in different districts', rule: { type: 'differentDistrict' }, asNull: true },
      ],
    },
  ];
  const base = untrainedModel(specs);
  const model: MatchModel = {
    ...base,
    prior: 1 / 101,
    comparisons: [
      { spec: specs[0], levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.9, u: 0.01 }, { label: 'else', m: 0.1, u: 0.99 }] },
      {
        spec: specs[1],
        levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.8, u: 0.01 }, { label: 'postal codes in different districts', m: 1, u: 1 }, { label: 'else', m: 0.2, u: 0.99 }],
      },
    ],
  };
  const weights = (a: Omit<MatchRecord, 'id'>, b: Omit<MatchRecord, 'id'>) =>
    scorePair({ id: 'a', country: 'FR', ...a }, { id: 'b', country: 'FR', ...b }, model).contributions.map((c) => [c.comparison, c.level, Number(c.weight.toFixed(2))]);

  it('a move to another département weighs −3.31 (the postal code), not −3.31 − 2.31', () => {
    expect(weights({ postalCode: '69003', street: 'rue de la gare' }, { postalCode: '38000', street: 'avenue foch' })).toEqual([
      ['prior', 'λ = 0.00990', -6.64],
      ['postalCode', 'else', -3.31],
      ['street', 'null', 0],
    ]);
  });

  it('within one département the street still counts', () => {
    expect(weights({ postalCode: '69003', street: 'rue de la gare' }, { postalCode: '69007', street: 'avenue foch' })).toEqual([
      ['prior', 'λ = 0.00990', -6.64],
      ['postalCode', 'else', -3.31],
      ['street', 'else', -2.31],
    ]);
  });
});
