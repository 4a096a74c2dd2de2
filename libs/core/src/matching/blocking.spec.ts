import { generateCandidatePairs } from './blocking';
import { blockingContext, blockingKeys, BlockingRuleSpec, DEFAULT_BLOCKING_RULES, rulesForKind } from './blocking-rules';
import { extractFeatures } from './features';
import { MatchRecord } from './match-record';

const features = (records: MatchRecord[]) => records.map((r) => extractFeatures(r));
const pairsOf = (result: ReturnType<typeof generateCandidatePairs>) => Array.from({ length: result.length }, (_, p) => `${result.left[p]}-${result.right[p]}`).sort();

const RULES: BlockingRuleSpec[] = [
  { name: 'email', on: ['email'] },
  { name: 'birth date', on: ['birthDate'] },
  { name: 'last-name sound + postal code', on: ['lastNamePhonetic', 'postalCode'] },
];

describe('blocking', () => {
  it('gives keys from every value of the parts, none when a part is missing', () => {
    const f = extractFeatures({ id: 'a', lastName: 'lefebvre', postalCode: '75011', emails: ['a@x.fr', 'b@x.fr'] });
    expect(blockingKeys({ name: 'email', on: ['email'] }, f)).toEqual(['a@x.fr', 'b@x.fr']);
    expect(blockingKeys(RULES[2], f)).toEqual(['LEFEVR\u000175011']);
    expect(blockingKeys(RULES[1], f)).toEqual([]);
  });

  it('gives the same name key in either order, and organizations a key per own mail domain', () => {
    const rule = DEFAULT_BLOCKING_RULES.find((r) => r.on.includes('namePhonetics'))!;
    // "DUPONT Jean" typed in the wrong boxes: same key as Jean Dupont
    const right = extractFeatures({ id: 'a', firstName: 'jean', lastName: 'dupont' });
    const swapped = extractFeatures({ id: 'b', firstName: 'dupont', lastName: 'jean' });
    expect(blockingKeys(rule, right)).toEqual(blockingKeys(rule, swapped));
    expect(blockingKeys(rule, extractFeatures({ id: 'c', firstName: 'jean' }))).toEqual([]);
    const domain = DEFAULT_BLOCKING_RULES.find((r) => r.on.includes('emailDomain'))!;
    expect(domain.kinds).toEqual(['organization']);
    // compta@ and contact@ at dupont.fr: one key; a webmail domain gives none
    const org = extractFeatures({ id: 'o', kind: 'organization', emails: ['compta@dupont.fr', 'dupont.sarl@gmail.com'] });
    expect(blockingKeys(domain, org)).toEqual(['dupont.fr']);
    // the local part catches a typo in the domain (isabelle7828@hotmal.fr); role local parts give none
    const local = DEFAULT_BLOCKING_RULES.find((r) => r.on.includes('emailLocalPart'))!;
    expect(blockingKeys(local, extractFeatures({ id: 'p', emails: ['isabelle7828@hotmal.fr'] }))).toEqual(['isabelle7828']);
    expect(blockingKeys(local, org)).toEqual(['dupont.sarl']);
  });

  it('pairs records sharing a key of any rule, each pair once', () => {
    const records: MatchRecord[] = [
      { id: '0', emails: ['jean@acme.fr'], birthDate: '19800101', lastName: 'dupont', postalCode: '75011' },
      { id: '1', emails: ['jean@acme.fr'], birthDate: '19800101', lastName: 'dupond', postalCode: '75011' }, // shares all three keys with 0
      { id: '2', birthDate: '19800101' }, // shares the birth date with 0 and 1
      { id: '3', lastName: 'Dupond', postalCode: '75011' }, // sounds like 0 and 1
      { id: '4', lastName: 'durand', postalCode: '75011' },
    ];
    const result = generateCandidatePairs(features(records), RULES);
    expect(pairsOf(result)).toEqual(['0-1', '0-2', '0-3', '1-2', '1-3']);
    // 0–1 is counted by the first rule that gives it (email) only
    expect(result.report.rules.map((r) => r.pairs)).toEqual([1, 2, 2]);
    // the pair 0–1 shares keys of all three rules (bits 0, 1 and 2): the training sessions use it
    expect(result.ruleMask(0, 1)).toBe(0b111);
    expect(result.ruleMask(0, 3)).toBe(0b100);
  });

  it('blocks companies on their two rarest words, and applies each rule to its kinds', () => {
    const companies = features([
      { id: '0', legalName: 'boulangerie du centre kowalczyk', postalCode: '75011' },
      { id: '1', legalName: 'boulangerie kowalczyk', postalCode: '75012' },
      { id: '2', legalName: 'boulangerie du centre', postalCode: '75011' },
      { id: '3', legalName: 'boulangerie martin', postalCode: '75011' },
    ]);
    const context = blockingContext(companies);
    // "boulangerie" is in 4 names, "centre" in 2, "kowalczyk" in 2: the rarest two, ties by spelling
    expect(blockingKeys({ name: 'words', on: ['legalNameRareWords'] }, companies[0], context)).toEqual(['centre', 'kowalczyk']);
    const rules = rulesForKind(DEFAULT_BLOCKING_RULES, 'organization');
    expect(rules.map((r) => r.name)).toContain('rare company words + postal code');
    expect(rules.map((r) => r.name)).not.toContain('birth date');
    expect(rulesForKind(DEFAULT_BLOCKING_RULES, 'person').map((r) => r.name)).not.toContain('company name');
    // a word in more than 100 names (and 1 in 2,000) is never rare: "boulangerie" in 150 names gives no key
    const bakeries = features(Array.from({ length: 150 }, (_, i) => ({ id: String(i), legalName: `boulangerie ${i % 2 ? 'du centre' : 'la'}` })));
    expect(blockingKeys({ name: 'words', on: ['legalNameRareWords'] }, bakeries[1], blockingContext(bakeries))).toEqual(['centre']);
    expect(blockingKeys({ name: 'words', on: ['legalNameRareWords'] }, bakeries[0], blockingContext(bakeries))).toEqual([]);
  });

  it('pairs two addresses one typo apart in the local part (deletion neighbourhood)', () => {
    const rule = DEFAULT_BLOCKING_RULES.find((r) => r.on.includes('emailLocalDeletions'))!;
    const people = features([
      { id: '0', emails: ['jean.sanchez@gmail.com'] },
      { id: '1', emails: ['jean.sanchew@gmail.com'] }, // one letter replaced: both give "jean.sanche@gmail.com"
      { id: '2', emails: ['jean.snachez@gmail.com'] }, // two letters exchanged: both give "jean.sachez@gmail.com"
      { id: '3', emails: ['jean.sanchez@orange.fr'] }, // another domain (the local-part rule catches it)
      { id: '4', emails: ['paul.durand@gmail.com'] },
    ]);
    // 1 and 2 are two typos apart: not paired
    expect(pairsOf(generateCandidatePairs(people, [rule]))).toEqual(['0-1', '0-2']);
    // one key per deleted character (a short hash of the address without it), a doubled letter
    // once: anna.lee1 gives 7 (nna.lee1, ana.lee1, ann.lee1, annalee1, anna.ee1, anna.le1, anna.lee)
    const keys = blockingKeys(rule, extractFeatures({ id: 'x', emails: ['anna.lee1@free.fr'] }));
    expect(keys).toHaveLength(7);
    expect(new Set(keys).size).toBe(7);
    expect(keys.every((k) => /^[0-9a-z]{1,7}$/.test(k))).toBe(true);
    // another address shares none; one a substitution away (anna.lee2) shares "anna.lee"
    expect(blockingKeys(rule, extractFeatures({ id: 'z', emails: ['paul.martin@free.fr'] })).filter((k) => keys.includes(k))).toEqual([]);
    expect(blockingKeys(rule, extractFeatures({ id: 'w', emails: ['anna.lee2@free.fr'] })).filter((k) => keys.includes(k))).toEqual([keys[6]]);
    expect(blockingKeys(rule, extractFeatures({ id: 'y', emails: ['jdupont@free.fr'] }))).toEqual([]);
  });

  it('pairs the contacts of one employer whose last names sound alike', () => {
    const rule = DEFAULT_BLOCKING_RULES.find((r) => r.name === 'employer + last-name sound')!;
    expect(rule.kinds).toEqual(['person']);
    const contacts = features([
      { id: '0', kind: 'person', firstName: 'morgane', lastName: 'remy', legalName: 'bertrand freres' },
      { id: '1', kind: 'person', firstName: 'mofgane', lastName: 'rémy', legalName: 'bertrand freres' },
      { id: '2', kind: 'person', firstName: 'paul', lastName: 'durand', legalName: 'bertrand freres' }, // a colleague
      { id: '3', kind: 'person', firstName: 'morgane', lastName: 'remy' }, // no employer: no key
    ]);
    expect(pairsOf(generateCandidatePairs(contacts, [rule]))).toEqual(['0-1']);
    // a lead with a first name and the company only: the first-name sound rule pairs it with 0
    // (1's "mofgane" sounds otherwise; 1 and 0 were paired by their last names above)
    const firstName = DEFAULT_BLOCKING_RULES.find((r) => r.name === 'employer + first-name sound')!;
    const lead = features([...contacts.map((f) => f.record), { id: '4', kind: 'person', firstName: 'morgane', legalName: 'bertrand freres' }]);
    expect(pairsOf(generateCandidatePairs(lead, [firstName]))).toEqual(['0-4']);
  });

  it('never blocks on generic values', () => {
    const result = generateCandidatePairs(features([{ id: '0', emails: ['contact@acme.fr'] }, { id: '1', emails: ['contact@acme.fr'] }]), RULES);
    expect(result.length).toBe(0);
  });

  it('skips blocks larger than the cap, with a warning', () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ id: String(i), birthDate: '19800101' }));
    const result = generateCandidatePairs(features(records), RULES, { maxBlockSize: 4 });
    expect(result.length).toBe(0);
    expect(result.report.warnings).toEqual(['blocking rule "birth date": 1 block(s) larger than 4 records skipped, e.g. 19800101 (5 records)']);
    expect(result.report.rules[1]).toMatchObject({ largestBlock: 5, oversizedBlocks: 1 });
  });

  it('lets a later rule give a pair whose only shared key of an earlier rule is an oversized block', () => {
    // five records on one birth date (oversized with a cap of 4); 0 and 1 also share a name sound and a postal code
    const records: MatchRecord[] = Array.from({ length: 5 }, (_, i) => ({ id: String(i), birthDate: '19800101', lastName: ['dupont', 'dupont', 'martin', 'bernard', 'petit'][i], postalCode: '75011' }));
    const result = generateCandidatePairs(features(records), RULES, { maxBlockSize: 4 });
    expect(pairsOf(result)).toEqual(['0-1']);
    expect(result.report.rules.map((r) => r.pairs)).toEqual([0, 0, 1]);
    // the birth date block was skipped: the pair shares no key of that rule for the training sessions
    expect(result.ruleMask(0, 1)).toBe(0b100);
    expect(result.ruleMask(0, 2)).toBe(0);
  });

  it('names an oversized block by the parts of its key', () => {
    const records: MatchRecord[] = Array.from({ length: 3 }, (_, i) => ({ id: String(i), lastName: 'dupont', postalCode: '75011' }));
    const result = generateCandidatePairs(features(records), RULES, { maxBlockSize: 2 });
    expect(result.length).toBe(0);
    expect(result.report.warnings).toEqual(['blocking rule "last-name sound + postal code": 1 block(s) larger than 2 records skipped, e.g. DUP2 + 75011 (3 records)']);
  });

  it('in linkage mode, pairs records of different sources only, and measures recall against the truth', () => {
    const records: MatchRecord[] = [
      { id: 'a1', source: 'a', birthDate: '19800101' },
      { id: 'a2', source: 'a', birthDate: '19800101' },
      { id: 'b1', source: 'b', birthDate: '19800101' },
      { id: 'b2', source: 'b', birthDate: '19900101' },
    ];
    const result = generateCandidatePairs(features(records), RULES, { linkOnly: true, truth: ['x', 'y', 'x', 'y'] });
    expect(pairsOf(result)).toEqual(['0-2', '1-2']);
    // true cross-source pairs: a1–b1 (found) and a2–b2 (different birth dates: missed)
    expect(result.report).toMatchObject({ truePairs: 2, truePairsFound: 1, recall: 0.5 });
  });
});
