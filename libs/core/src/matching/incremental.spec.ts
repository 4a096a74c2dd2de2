import { blockingKeys, DEFAULT_BLOCKING_RULES } from './blocking-rules';
import { extractFeatures } from './features';
import { NotAMatchSet } from './deterministic-rules';
import { GoldenCluster, incrementalBlockingKeys, resolveIncoming } from './incremental';
import { MatchRecord } from './match-record';
import { handModel, person } from './__tests__/hand-model';


// the hand-set model of __tests__/hand-model.ts: its comment gives the weight of every level
const model = handModel();
const cluster = (goldenId: string, createdAt: string, ...members: MatchRecord[]): GoldenCluster => ({ goldenId, createdAt, members });

const dubois = person('crm:1', { lastName: 'dubois', birthDate: '19800101' });

describe('resolveIncoming', () => {
  it('creates a golden record when there is no candidate', () => {
    expect(resolveIncoming(dubois, [], model)).toEqual({ type: 'create', assessments: [] });
  });

  it('links to a golden record whose members it matches, with the explanation of the best pair', () => {
    // −6.64 + 6.49 + 9.64 = 9.49 bits: p = 0.9986 ≥ 0.9
    const decision = resolveIncoming(dubois, [cluster('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }))], model);
    expect(decision.type).toBe('link');
    expect(decision.type === 'link' && decision.goldenId).toBe('g1');
    const [assessment] = decision.assessments;
    expect(assessment).toMatchObject({ goldenId: 'g1', outcome: 'link', reason: 'linked', members: 1 });
    expect(assessment.best.recordId).toBe('erp:7');
    expect(assessment.best.score.probability).toBeCloseTo(0.9986, 4);
    expect(assessment.best.score.contributions.map((c) => [c.comparison, c.level, Number(c.weight.toFixed(2))])).toEqual([
      ['prior', 'λ = 0.00990', -6.64],
      ['lastName', 'exact', 6.49],
      ['birthDate', 'exact', 9.64],
      ['email', 'null', 0],
    ]);
  });

  it('opens a review when the best pair is in the review band, and creates a golden record meanwhile', () => {
    // the last name alone: −6.64 + 6.49 = −0.15 bits, p = 0.474, between review (0.4) and link (0.9)
    const decision = resolveIncoming(person('crm:1', { lastName: 'dubois' }), [cluster('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois' }))], model, {
      thresholds: { link: 0.9, review: 0.4 },
    });
    expect(decision.type).toBe('create');
    expect(decision.assessments[0]).toMatchObject({ goldenId: 'g1', outcome: 'review', reason: 'review-band' });
    expect(decision.assessments[0].best.score.probability).toBeCloseTo(0.474, 3);
  });

  it('does not join a golden record whose members it matches only in part (average linkage)', () => {
    // linked to erp:7 (p = 0.9986) but not to erp:8 nor erp:9, other people of the same golden record
    // (−6.64 − 3.31 − 2.32 = −12.27 bits, p ≈ 0.0002): average (0.9986 + 2 × 0.0002) / 3 = 0.333 < 0.4
    const golden = cluster(
      'g1',
      '2026-01-01T00:00:00Z',
      person('erp:7', { lastName: 'dubois', birthDate: '19800101' }),
      person('erp:8', { lastName: 'durand', birthDate: '19751231' }),
      person('erp:9', { lastName: 'durand', birthDate: '19751230' }),
    );
    const decision = resolveIncoming(dubois, [golden], model);
    expect(decision.type).toBe('create');
    expect(decision.assessments[0]).toMatchObject({ outcome: 'review', reason: 'weak-average', members: 3 });
    expect(decision.assessments[0].averageProbability).toBeCloseTo(0.333, 3);
  });

  it('merges two golden records it links when they are coherent, into the oldest', () => {
    const older = cluster('g2', '2025-06-01T00:00:00Z', person('web:3', { lastName: 'dubois', birthDate: '19800101', emails: ['jd@x.fr'] }));
    const newer = cluster('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    const decision = resolveIncoming({ ...dubois, emails: ['jd@x.fr'] }, [newer, older], model);
    expect(decision).toMatchObject({ type: 'merge', survivorId: 'g2', mergedIds: ['g1'] });
    expect(decision.assessments.map((a) => [a.goldenId, a.outcome])).toEqual(
      expect.arrayContaining([
        ['g1', expect.stringMatching(/link|merge/)],
        ['g2', expect.stringMatching(/link|merge/)],
      ]),
    );
  });

  it('does not let one record glue two unlike golden records together: the second goes to review', () => {
    // g1's two records share name and birth date with the record (p = 0.9986); g2 shares only its
    // email (−6.64 − 3.31 + 16.46 = 6.51 bits, p = 0.989), but g1 and g2 are unlike (−6.64 − 3.31 =
    // −9.95, p = 0.001): average over {record, g1's two} × g2 = (0.989 + 2 × 0.001) / 3 = 0.33 < 0.4
    const g1 = cluster('g1', '2025-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }), person('crm:6', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = cluster('g2', '2026-01-01T00:00:00Z', person('web:3', { lastName: 'durand', emails: ['shared@x.fr'] }));
    const decision = resolveIncoming({ ...dubois, emails: ['shared@x.fr'] }, [g1, g2], model);
    expect(decision).toMatchObject({ type: 'link', goldenId: 'g1' });
    expect(decision.assessments.find((a) => a.goldenId === 'g2')).toMatchObject({ outcome: 'review', reason: 'incoherent-merge' });
  });

  it("never overrides a steward's not-a-match decision", () => {
    const golden = cluster('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    const decision = resolveIncoming(dubois, [golden], model, { notAMatch: new NotAMatchSet([['erp:7', 'crm:1']]) });
    expect(decision.type).toBe('create');
    expect(decision.assessments[0]).toMatchObject({ outcome: 'distinct', reason: 'not-a-match' });
  });

  it('keeps a new version of a known record in its own golden record, even alone in it', () => {
    const own = cluster('g9', '2026-01-01T00:00:00Z', dubois);
    const decision = resolveIncoming({ ...dubois, birthDate: '19800102' }, [own], model, { currentGoldenId: 'g9' });
    expect(decision).toMatchObject({ type: 'link', goldenId: 'g9' });
    expect(decision.assessments[0]).toMatchObject({ goldenId: 'g9', outcome: 'link', reason: 'current' });
  });
});

describe('resolveIncoming with a source that must not hold duplicates (the ERP)', () => {
  const options = { uniqueSources: ['erp'] };

  it('never links two ERP records: the second is a duplicate for a steward to fix in the ERP', () => {
    const golden = cluster('g1', '2026-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    const decision = resolveIncoming(person('erp:8', { lastName: 'dubois', birthDate: '19800101' }), [golden], model, options);
    expect(decision.type).toBe('create');
    expect(decision.assessments[0]).toMatchObject({ goldenId: 'g1', outcome: 'review', reason: 'same-source-duplicate', best: { recordId: 'erp:7' } });
    // without the rule, the same pair links (p = 0.9986)
    expect(resolveIncoming(person('erp:8', { lastName: 'dubois', birthDate: '19800101' }), [golden], model).type).toBe('link');
  });

  it('links another source to a golden record holding an ERP record, but never merges two that each hold one', () => {
    const g1 = cluster('g1', '2025-01-01T00:00:00Z', person('erp:7', { lastName: 'dubois', birthDate: '19800101' }));
    const g2 = cluster('g2', '2026-01-01T00:00:00Z', person('erp:9', { lastName: 'dubois', birthDate: '19800101', emails: ['jd@x.fr'] }));
    const decision = resolveIncoming({ ...dubois, emails: ['jd@x.fr'] }, [g1, g2], model, options);
    expect(decision.type).toBe('link');
    expect(decision.assessments.find((a) => a.outcome === 'review')).toMatchObject({ reason: 'same-source-duplicate' });
  });
});

describe('incrementalBlockingKeys', () => {
  it('scopes every key by its rule and the kind, and keys a company name on every word but the generic ones', () => {
    const keys = incrementalBlockingKeys(
      { id: 'erp:1', kind: 'organization', legalName: 'boulangerie kowalczyk wisniewski', postalCode: '69003', emails: ['contact@kowalczyk.fr'] },
      { defaultCountry: 'FR' },
    );
    expect(keys).toEqual([
      'company name|organization|boulangerie kowalczyk wisniewski',
      // the company's own role mailbox and mail domain identify it
      'email domain|organization|kowalczyk.fr',
      'email|organization|contact@kowalczyk.fr',
      // "boulangerie" is the name of hundreds of companies in a district: no key of its own
      'rare company words + postal code|organization|kowalczyk\u000169003',
      'rare company words + postal code|organization|wisniewski\u000169003',
    ]);
  });

  it('keys a house number and street within the postal district (a batch keys them alone)', () => {
    const record = (postalCode: string) => ({ id: `crm:${postalCode}`, kind: 'person' as const, lastName: 'martin', houseNumber: '12', street: 'rue de la republique', postalCode });
    const place = (postalCode: string) => incrementalBlockingKeys(record(postalCode), { defaultCountry: 'FR' }).filter((k) => k.startsWith('house number'));
    expect(place('69003')).toEqual(['house number + street|person|12\u0001rue de la republique\u000169']);
    // another arrondissement of Lyon is in the same district; the same street of Marseille is not
    expect(place('69008')).toEqual(place('69003'));
    expect(place('13001')).not.toEqual(place('69003'));
    // without a postal code the engine does not key the address
    expect(incrementalBlockingKeys({ id: 'crm:1', kind: 'person', houseNumber: '12', street: 'rue de la republique' }).filter((k) => k.startsWith('house number'))).toEqual([]);
    const rule = DEFAULT_BLOCKING_RULES.find((r) => r.name === 'house number + street')!;
    expect(blockingKeys(rule, extractFeatures(record('69003')))).toEqual(['12\u0001rue de la republique']);
  });

  it('keys a company name made of generic words only on the pair of them', () => {
    const keys = incrementalBlockingKeys({ id: 'erp:2', kind: 'organization', legalName: 'boulangerie du centre', postalCode: '69003' }, { defaultCountry: 'FR' });
    expect(keys.filter((k) => k.startsWith('rare company words'))).toEqual(['rare company words + postal code|organization|boulangerie centre\u000169003']);
  });

  it('gives persons and organizations different keys for the same email', () => {
    const email = ['jean.dupont@free.fr'];
    // no "email one typo apart" keys (batch only: one per character of the local part)
    expect(incrementalBlockingKeys({ id: 'a', kind: 'person', emails: email })).toEqual(['email local part|person|jean.dupont', 'email|person|jean.dupont@free.fr']);
    expect(incrementalBlockingKeys({ id: 'b', kind: 'organization', emails: email })).toEqual([
      'email local part|organization|jean.dupont',
      'email|organization|jean.dupont@free.fr',
    ]);
  });
});
