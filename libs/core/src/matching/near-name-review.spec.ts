import { GoldenCluster } from './incremental';
import { MatchRecord } from './match-record';
import { nearNameReviews } from './near-name-review';
import { handModel, person } from './__tests__/hand-model';
import { NotAMatchSet } from './deterministic-rules';

// the hand-set model of __tests__/hand-model.ts: its comment gives the weight of every level
const model = handModel();
const cluster = (goldenId: string, ...members: MatchRecord[]): GoldenCluster => ({ goldenId, createdAt: '2026-01-01T00:00:00Z', members });

describe('nearNameReviews', () => {
  const record = person('crm:1', { lastName: 'dubois', birthDate: '19800101' });

  it('opens a review for a golden record in the review band', () => {
    // the last name alone: −6.64 + 6.49 − 2.32 = −2.47 bits, p = 0.153 < 0.5: distinct; with the thresholds lowered, a review
    const reviews = nearNameReviews(record, [cluster('g1', person('erp:7', { lastName: 'dubois', birthDate: '19750101' }))], model, { thresholds: { link: 0.9, review: 0.1 } });
    expect(reviews.map((r) => [r.goldenId, r.reason])).toEqual([['g1', 'review-band']]);
    expect(reviews[0].assessment.best.recordId).toBe('erp:7');
  });

  it('leaves out the golden records the model calls distinct', () => {
    expect(nearNameReviews(record, [cluster('g1', person('erp:7', { lastName: 'durand', birthDate: '19750101' }))], model)).toEqual([]);
  });

  it('makes a review, not a link, of a golden record the model would link: no key brought them together', () => {
    // name and birth date: 9.49 bits, p = 0.9986 ≥ 0.9
    const reviews = nearNameReviews(record, [cluster('g1', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }))], model);
    expect(reviews.map((r) => [r.goldenId, r.reason])).toEqual([['g1', 'no-shared-key']]);
    expect(reviews[0].assessment.best.score.probability).toBeCloseTo(0.9986, 4);
  });

  it('reviews each of two golden records it would link, though they are not coherent with each other', () => {
    const g1 = cluster('g1', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = cluster('g2', person('web:3', { lastName: 'durand', emails: ['shared@x.fr'] }));
    const reviews = nearNameReviews({ ...record, emails: ['shared@x.fr'] }, [g1, g2], model);
    expect(reviews.map((r) => [r.goldenId, r.reason]).sort()).toEqual([
      ['g1', 'no-shared-key'],
      ['g2', 'no-shared-key'],
    ]);
  });

  it("honours a steward's not-a-match", () => {
    const g1 = cluster('g1', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    expect(nearNameReviews(record, [g1], model, { notAMatch: new NotAMatchSet([['crm:1', 'erp:7']]) })).toEqual([]);
  });

  it('has nothing to say without candidates', () => {
    expect(nearNameReviews(record, [], model)).toEqual([]);
  });
});
