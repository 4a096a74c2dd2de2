import { MustLinkSet, NotAMatchSet } from './deterministic-rules';
import { Features } from './features';
import { GoldenCluster, resolveIncoming } from './incremental';
import { LocalClusteringOptions, LocalPlan, reclusterLocally } from './local-reclustering';
import { MatchRecord } from './match-record';
import { handModel, person } from './__tests__/hand-model';

/**
 * The hand-set model (__tests__/hand-model.ts), λ = 1/101 (prior −6.64 bits), thresholds link 0.9 /
 * review 0.5: lastName exact +6.49, else −3.31; birthDate exact +9.64, else −2.32; email exact
 * +16.46, else −3.32. Pairs used below:
 *   same last name and birth date (no email on one side)  −6.64 + 6.49 + 9.64           =  9.49 bits, p = 0.9986
 *   same last name, birth date and email                   9.49 + 16.46                 = 25.95 bits, p ≈ 1
 *   same last name and email (no birth date on one side)   −6.64 + 6.49 + 16.46         = 16.31 bits, p ≈ 1
 *   same last name, nothing else known                     −6.64 + 6.49                 = −0.15 bits, p = 0.4737
 *   other last name, same birth date and email             −6.64 − 3.31 + 9.64 + 16.46  = 16.15 bits, p ≈ 1
 *   other last name, nothing else known                    −6.64 − 3.31                 = −9.95 bits, p = 0.0010
 *   other last name and birth date                         −6.64 − 3.31 − 2.32          = −12.27 bits, p = 0.0002
 */

const model = handModel();
/** Candidate pairs: records sharing a last name or an email (the default keys need more attributes than these records have). */
const keysOf = (f: Features) => [...(f.record.lastName ? [`last|${f.record.lastName}`] : []), ...f.emails.map((e) => `email|${e}`)];
const options: LocalClusteringOptions = { keysOf };
const golden = (goldenId: string, createdAt: string, ...members: MatchRecord[]): GoldenCluster => ({ goldenId, createdAt, members });
const partitionOf = (plan: LocalPlan) => plan.clusters.map((c) => c.members);

describe('reclusterLocally', () => {
  it('creates a golden record for a record nothing matches', () => {
    const plan = reclusterLocally([person('crm:1', { lastName: 'dubois' })], [], model, options);
    expect(plan.clusters).toEqual([{ goldenId: 'new:crm:1', created: true, members: ['crm:1'], component: 'crm:1', mergedIds: [], splitFrom: [], changed: true }]);
    expect(plan.steps).toEqual([
      { type: 'create', ref: 'new:crm:1', members: ['crm:1'], splitFrom: [] },
      { type: 'move', recordId: 'crm:1', from: null, to: 'new:crm:1' },
    ]);
    expect(plan.reviews).toEqual([]);
  });

  it('joins the golden record of a linked record', () => {
    // same last name and birth date: p = 0.9986 ≥ 0.9
    const plan = reclusterLocally([person('crm:1', { lastName: 'dubois', birthDate: '19800101' })], [golden('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }))], model, options);
    expect(plan.steps).toEqual([{ type: 'move', recordId: 'crm:1', from: null, to: 'g1' }]);
    expect(plan.clusters).toEqual([{ goldenId: 'g1', created: false, members: ['crm:1', 'erp:7'], component: 'crm:1', mergedIds: [], splitFrom: [], changed: true }]);
    expect(plan.stats).toMatchObject({ records: 2, goldenRecords: 1, candidatePairs: 1, links: 1, components: 1 });
  });

  it('opens a review with the explained pair when the best pair is in the review band', () => {
    // the last name alone: p = 0.4737, between review (0.4) and link (0.9)
    const plan = reclusterLocally([person('crm:1', { lastName: 'dubois' })], [golden('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois' }))], model, {
      ...options,
      thresholds: { link: 0.9, review: 0.4 },
    });
    expect(partitionOf(plan)).toEqual([['crm:1'], ['erp:7']]);
    expect(plan.steps.map((s) => s.type)).toEqual(['create', 'move']);
    expect(plan.reviews).toHaveLength(1);
    const [review] = plan.reviews;
    expect(review).toMatchObject({ left: 'new:crm:1', right: 'g1', reason: 'review-band', pairs: 1, best: { left: 'crm:1', right: 'erp:7', decision: 'review' } });
    expect(review.averageProbability).toBeCloseTo(0.4737, 4);
    expect(review.best.score.contributions.map((c) => [c.comparison, c.level, Number(c.weight.toFixed(2))])).toEqual([
      ['prior', 'λ = 0.00990', -6.64],
      ['lastName', 'exact', 6.49],
      ['birthDate', 'null', 0],
      ['email', 'null', 0],
    ]);
  });

  it('merges the golden records the record ties together, the oldest id surviving even when it is the smaller', () => {
    // erp:1 has the birth date of g1's members and the email of g2's: erp:1–web:1 p ≈ 1 merge first,
    // crm:1–crm:2 0.9986 next, then the two pairs of clusters average (2 × 0.9986 + 2 × 0.4737) / 4 = 0.736 ≥ 0.4
    const g1 = golden('g1', '2026-02-01T00:00:00Z', person('crm:1', { lastName: 'dubois', birthDate: '19800101' }), person('crm:2', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = golden('g2', '2026-01-01T00:00:00Z', person('web:1', { lastName: 'dubois', emails: ['j@x.fr'] }));
    const plan = reclusterLocally([person('erp:1', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] })], [g1, g2], model, options);
    expect(plan.clusters).toEqual([{ goldenId: 'g2', created: false, members: ['crm:1', 'crm:2', 'erp:1', 'web:1'], component: 'crm:1', mergedIds: ['g1'], splitFrom: [], changed: true }]);
    expect(plan.steps).toEqual([
      { type: 'move', recordId: 'crm:1', from: 'g1', to: 'g2' },
      { type: 'move', recordId: 'crm:2', from: 'g1', to: 'g2' },
      { type: 'move', recordId: 'erp:1', from: null, to: 'g2' },
      { type: 'merge', survivorId: 'g2', mergedIds: ['g1'] },
    ]);
  });

  describe('a new record that changes the clustering', () => {
    // with link at 0.4: A–B (same last name, nothing else) p = 0.4737 is a link, so A and B are one
    // golden record. C shares B's birth date and email (p ≈ 1) and nothing with A (p = 0.0010):
    // B–C merge first, then A would join at (0.4737 + 0.0010) / 2 = 0.237 < 0.4, so A is split off.
    const A = person('crm:1', { lastName: 'dubois' });
    const B = person('crm:2', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] });
    const C = person('web:1', { lastName: 'durand', birthDate: '19800101', emails: ['j@x.fr'] });
    const linkAt04: LocalClusteringOptions = { ...options, thresholds: { link: 0.4, review: 0.1 } };

    it('splits a golden record: the id stays with the larger part, the other part is a new golden record', () => {
      const plan = reclusterLocally([C], [golden('g1', '2026-01-01T00:00:00Z', A, B)], model, linkAt04);
      expect(plan.clusters).toEqual([
        { goldenId: 'new:crm:1', created: true, members: ['crm:1'], component: 'crm:1', mergedIds: [], splitFrom: ['g1'], changed: true },
        { goldenId: 'g1', created: false, members: ['crm:2', 'web:1'], component: 'crm:1', mergedIds: [], splitFrom: [], changed: true },
      ]);
      expect(plan.steps).toEqual([
        { type: 'create', ref: 'new:crm:1', members: ['crm:1'], splitFrom: ['g1'] },
        { type: 'move', recordId: 'crm:1', from: 'g1', to: 'new:crm:1' },
        { type: 'move', recordId: 'web:1', from: null, to: 'g1' },
      ]);
      // A–B is still a link that the clustering kept apart: a steward sees it
      expect(plan.reviews).toHaveLength(1);
      expect(plan.reviews[0]).toMatchObject({ left: 'new:crm:1', right: 'g1', reason: 'weak-average', pairs: 2, best: { left: 'crm:1', right: 'crm:2' } });
      expect(plan.reviews[0].averageProbability).toBeCloseTo((0.4737 + 0.001) / 2, 3);
    });

    it('gives the same partition in every arrival order, where the greedy path does not', () => {
      const orders = [[A, B, C], [A, C, B], [B, A, C], [B, C, A], [C, A, B], [C, B, A]];
      const partitions = orders.map((order) => replay(order, linkAt04));
      for (const partition of partitions) expect(partition).toEqual([['crm:1'], ['crm:2', 'web:1']]);
      // resolveIncoming: after A and B, C joins their golden record (best pair 1, average 0.5 ≥ 0.4); after C and B, A stays out (average 0.237)
      expect(greedy([A, B, C], linkAt04)).toEqual([['crm:1', 'crm:2', 'web:1']]);
      expect(greedy([C, B, A], linkAt04)).toEqual([['crm:1'], ['crm:2', 'web:1']]);
    });
  });

  it('moves a record out of its golden record when its new version no longer matches', () => {
    const g1 = golden('g1', '2026-01-01T00:00:00Z', person('crm:1', { lastName: 'dubois', birthDate: '19800101' }), person('crm:2', { lastName: 'dubois', birthDate: '19800101' }));
    const plan = reclusterLocally([person('crm:2', { lastName: 'martin', birthDate: '19700101' })], [g1], model, options);
    // two clusters of one: the tie on g1's members (one each) and on size goes to the first cluster
    expect(partitionOf(plan)).toEqual([['crm:1'], ['crm:2']]);
    expect(plan.steps).toEqual([
      { type: 'create', ref: 'new:crm:2', members: ['crm:2'], splitFrom: ['g1'] },
      { type: 'move', recordId: 'crm:2', from: 'g1', to: 'new:crm:2' },
    ]);
    expect(plan.clusters[0]).toMatchObject({ goldenId: 'g1', changed: true });
  });

  it('changes nothing when the records are already clustered so, and marks a new version for recomputation only', () => {
    const a = person('crm:1', { lastName: 'dubois', birthDate: '19800101' });
    const g1 = golden('g1', '2026-01-01T00:00:00Z', a, person('crm:2', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = golden('g2', '2026-01-01T00:00:00Z', person('web:1', { lastName: 'martin' }));
    const still = reclusterLocally([], [g1, g2], model, options);
    expect(still.steps).toEqual([]);
    expect(still.clusters.map((c) => [c.goldenId, c.changed])).toEqual([
      ['g1', false],
      ['g2', false],
    ]);
    const again = reclusterLocally([{ ...a }], [g1, g2], model, options);
    expect(again.steps).toEqual([]);
    expect(again.clusters.map((c) => [c.goldenId, c.changed])).toEqual([
      ['g1', true],
      ['g2', false],
    ]);
  });

  describe("a steward's not-a-match", () => {
    const A = person('crm:1', { lastName: 'dubois', birthDate: '19800101' });
    const B = person('crm:2', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] });
    const C = person('web:1', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] });
    const notAMatch = new NotAMatchSet([['crm:1', 'web:1']]);

    it('keeps the two records apart even when a new record would glue them', () => {
      // A–B 0.9986, A–C 0.9986 but declared distinct, B–C ≈ 1: B and C merge first and A cannot join
      const plan = reclusterLocally([C], [golden('g1', '2026-01-01T00:00:00Z', A, B)], model, { ...options, notAMatch });
      expect(partitionOf(plan)).toEqual([['crm:1'], ['crm:2', 'web:1']]);
      expect(plan.clusters.map((c) => c.goldenId)).toEqual(['new:crm:1', 'g1']);
      // without the decision the three are one
      expect(partitionOf(reclusterLocally([C], [golden('g1', '2026-01-01T00:00:00Z', A, B)], model, options))).toEqual([['crm:1', 'crm:2', 'web:1']]);
    });

    it('splits a golden record when re-clustered after the decision, with no incoming record', () => {
      const plan = reclusterLocally([], [golden('g1', '2026-01-01T00:00:00Z', A, B, C)], model, { ...options, notAMatch });
      expect(plan.steps).toEqual([
        { type: 'create', ref: 'new:crm:1', members: ['crm:1'], splitFrom: ['g1'] },
        { type: 'move', recordId: 'crm:1', from: 'g1', to: 'new:crm:1' },
      ]);
    });

    it('opens no review for the pair the steward decided', () => {
      const plan = reclusterLocally([C], [golden('g1', '2026-01-01T00:00:00Z', A)], model, { ...options, notAMatch });
      expect(partitionOf(plan)).toEqual([['crm:1'], ['web:1']]);
      expect(plan.reviews).toEqual([]);
    });
  });

  describe("a steward's merge (must-link)", () => {
    // same last name, nothing else known: p = 0.4737, a review, never a link on its own
    const A = person('crm:1', { lastName: 'dubois' });
    const B = person('web:1', { lastName: 'dubois' });
    const mustLink = new MustLinkSet([['web:1', 'crm:1']]);

    it('keeps the merged records in one golden record when either comes again', () => {
      const merged = golden('g1', '2026-01-01T00:00:00Z', A, B);
      const plan = reclusterLocally([{ ...B }], [merged], model, { ...options, mustLink });
      expect(partitionOf(plan)).toEqual([['crm:1', 'web:1']]);
      expect(plan.steps).toEqual([]);
      expect(plan.reviews).toEqual([]);
      // without the decision the re-clustering splits them again
      expect(partitionOf(reclusterLocally([{ ...B }], [merged], model, options))).toEqual([['crm:1'], ['web:1']]);
    });

    it('holds even for a pair that shares no key, and a third record joins them by average', () => {
      const C = person('web:2', { emails: ['j@x.fr'] });
      const D = person('crm:2', { emails: ['j@x.fr'] });
      const plan = reclusterLocally([D], [golden('g1', '2026-01-01T00:00:00Z', C, A)], model, { ...options, mustLink: new MustLinkSet([['crm:1', 'web:2']]) });
      // crm:1–web:2 share nothing but are merged; crm:2–web:2 share the email (p ≈ 1); crm:2–crm:1
      // is scored on demand (no key in common, p = 0.0099): (1 + 0.0099) / 2 = 0.50 ≥ 0.4
      expect(partitionOf(plan)).toEqual([['crm:1', 'crm:2', 'web:2']]);
      expect(plan.stats.links).toBe(2);
    });
  });

  describe('a unique source (the ERP)', () => {
    const unique: LocalClusteringOptions = { ...options, uniqueSources: ['erp'] };

    it('never puts two of its records in one cluster, and reports them as a source duplicate', () => {
      // same last name, birth date and email: p ≈ 1
      const plan = reclusterLocally([person('erp:2', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] })], [golden('g1', '2026-01-01T00:00:00Z', person('erp:1', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] }))], model, unique);
      expect(partitionOf(plan)).toEqual([['erp:1'], ['erp:2']]);
      expect(plan.reviews).toHaveLength(1);
      expect(plan.reviews[0]).toMatchObject({ left: 'g1', right: 'new:erp:2', reason: 'same-source-duplicate', best: { left: 'erp:1', right: 'erp:2', decision: 'link' } });
      // the same records from another source are one
      expect(partitionOf(reclusterLocally([person('erp:2', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] })], [golden('g1', '2026-01-01T00:00:00Z', person('erp:1', { lastName: 'dubois', birthDate: '19800101', emails: ['j@x.fr'] }))], model, options))).toEqual([['erp:1', 'erp:2']]);
    });

    it('does not merge two golden records holding one each through a third record', () => {
      // crm:3 is linked to both (0.9986 each): it joins the first (ties go to the smaller ids), the ERP records stay apart
      const g1 = golden('g1', '2026-01-01T00:00:00Z', person('erp:1', { lastName: 'dubois', birthDate: '19800101' }));
      const g2 = golden('g2', '2026-01-02T00:00:00Z', person('erp:2', { lastName: 'dubois', birthDate: '19800101' }));
      const plan = reclusterLocally([person('crm:3', { lastName: 'dubois', birthDate: '19800101' })], [g1, g2], model, unique);
      expect(plan.clusters.map((c) => [c.goldenId, c.members])).toEqual([
        ['g1', ['crm:3', 'erp:1']],
        ['g2', ['erp:2']],
      ]);
      expect(plan.steps).toEqual([{ type: 'move', recordId: 'crm:3', from: null, to: 'g1' }]);
      expect(plan.reviews.map((r) => [r.left, r.right, r.reason])).toEqual([['g1', 'g2', 'same-source-duplicate']]);
    });
  });

  it('cuts a local set larger than the cap to the golden records sharing a key with the incoming record', () => {
    const g1 = golden('g1', '2026-01-01T00:00:00Z', person('crm:1', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = golden('g2', '2026-01-01T00:00:00Z', person('crm:2', { lastName: 'martin' }), person('crm:3', { lastName: 'martin' }));
    const plan = reclusterLocally([person('web:1', { lastName: 'dubois', birthDate: '19800101' })], [g1, g2], model, { ...options, maxLocalRecords: 3 });
    expect(plan.capped).toBe(true);
    expect(plan.clusters.map((c) => [c.goldenId, c.members])).toEqual([['g1', ['crm:1', 'web:1']]]);
    expect(reclusterLocally([person('web:1', { lastName: 'dubois', birthDate: '19800101' })], [g1, g2], model, options).capped).toBe(false);
  });

  it('does not score again the pairs of two stored records of different link components, and plans the same', () => {
    const stored = [
      { ...golden('g1', '2026-01-01T00:00:00Z', person('crm:1', { lastName: 'dubois', birthDate: '19800101' })), component: 'crm:1' },
      { ...golden('g2', '2026-01-02T00:00:00Z', person('crm:2', { lastName: 'dubois', birthDate: '19900101' })), component: 'crm:2' },
      { ...golden('g3', '2026-01-03T00:00:00Z', person('crm:3', { lastName: 'dubois', birthDate: '19700101' }), person('crm:4', { lastName: 'dubois', birthDate: '19700101' })), component: 'crm:3' },
    ];
    const incoming = [person('web:1', { lastName: 'dubois', birthDate: '19800101' })];
    const known = reclusterLocally(incoming, stored, model, options);
    const unknown = reclusterLocally(incoming, stored.map(({ component: _, ...g }) => g), model, options);
    // the incoming record with each of the four stored ones, and the two records of one component
    expect(known.stats.candidatePairs).toBe(5);
    expect(unknown.stats.candidatePairs).toBe(10);
    expect(known.clusters).toEqual(unknown.clusters);
    expect(known.steps).toEqual([{ type: 'move', recordId: 'web:1', from: null, to: 'g1' }]);
    expect(known.reviews).toEqual(unknown.reviews);
  });

  it('still reports the possible match of two stored records of different components when one of their golden records changed', () => {
    // crm:1 and crm:2: same last name, no other value known on both sides (p = 0.4737, review band)
    const g1 = { ...golden('g1', '2026-01-01T00:00:00Z', person('crm:1', { lastName: 'dubois', emails: ['marie.dubois@orange.fr'] })), component: 'crm:1' };
    const g2 = { ...golden('g2', '2026-01-02T00:00:00Z', person('crm:2', { lastName: 'dubois', birthDate: '19900101' })), component: 'crm:2' };
    // web:1 joins g1 (same last name and email) and is distinct from crm:2 (another birth date)
    const incoming = [person('web:1', { lastName: 'dubois', birthDate: '19800101', emails: ['marie.dubois@orange.fr'] })];
    const withReviewBand = { ...options, thresholds: { link: 0.9, review: 0.4 } };
    const plan = reclusterLocally(incoming, [g1, g2], model, withReviewBand);
    expect(plan.stats.candidatePairs).toBe(2);
    expect(plan.steps).toEqual([{ type: 'move', recordId: 'web:1', from: null, to: 'g1' }]);
    expect(plan.reviews.map((r) => [r.left, r.right, r.reason, r.best.left, r.best.right])).toEqual([['g1', 'g2', 'review-band', 'crm:1', 'crm:2']]);
    // nothing changes for the two golden records alone: their possible match is not reported again
    expect(reclusterLocally([], [g1, g2], model, withReviewBand).reviews).toEqual([]);
  });

  it('refuses a record given in two golden records', () => {
    const r = person('crm:1', { lastName: 'dubois' });
    expect(() => reclusterLocally([], [golden('g1', '2026-01-01T00:00:00Z', r), golden('g2', '2026-01-01T00:00:00Z', r)], model, options)).toThrow(/crm:1 is in golden records g1 and g2/);
  });
});

/** Records arriving one at a time, each plan applied to the golden records; the final partition. */
function replay(order: MatchRecord[], opts: LocalClusteringOptions): string[][] {
  let goldens: GoldenCluster[] = [];
  let sequence = 0;
  for (const record of order) {
    const plan = reclusterLocally([record], goldens, model, opts);
    const createdAt = new Map(goldens.map((g) => [g.goldenId, g.createdAt]));
    const all = new Map([...goldens.flatMap((g) => g.members), record].map((r) => [r.id, r]));
    goldens = plan.clusters.map((c) => ({
      goldenId: c.created ? `g${++sequence}` : c.goldenId,
      createdAt: c.created ? new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString() : createdAt.get(c.goldenId)!,
      members: c.members.map((id) => all.get(id)!),
    }));
  }
  return goldens.map((g) => g.members.map((m) => m.id).sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** The same with today's greedy `resolveIncoming`. */
function greedy(order: MatchRecord[], opts: LocalClusteringOptions): string[][] {
  const goldens = new Map<string, GoldenCluster>();
  let sequence = 0;
  for (const record of order) {
    const decision = resolveIncoming(record, [...goldens.values()], model, opts);
    if (decision.type === 'create') goldens.set(`g${++sequence}`, { goldenId: `g${sequence}`, createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString(), members: [record] });
    else if (decision.type === 'link') goldens.get(decision.goldenId)!.members.push(record);
    else {
      const survivor = goldens.get(decision.survivorId)!;
      for (const id of decision.mergedIds) {
        survivor.members.push(...goldens.get(id)!.members);
        goldens.delete(id);
      }
      survivor.members.push(record);
    }
  }
  return [...goldens.values()].map((g) => g.members.map((m) => m.id).sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
