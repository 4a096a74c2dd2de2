import { decideMatch } from './decision';
import { isCannotLink, NotAMatchSet } from './deterministic-rules';
import { MatchModel } from './match-model';
import { scorePair } from './scoring';
import { untrainedModel } from './training';

// A model where a legal-name match is strong evidence (+10 bits) and a mismatch strong against (−10).
function nameModel(): MatchModel {
  const base = untrainedModel([{ name: 'legalName', field: 'legalName', levels: [{ label: 'exact', rule: { type: 'exact' } }] }]);
  return {
    ...base,
    prior: 0.5,
    comparisons: [{ spec: base.comparisons[0].spec, levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.999, u: 0.000976 }, { label: 'else', m: 0.000976, u: 0.999 }] }],
  };
}

describe('deterministic rules', () => {
  const model = nameModel();

  it('a shared valid SIRET links whatever the names say', () => {
    const score = scorePair({ id: 'a', legalName: 'acme', siret: '73282932000074' }, { id: 'b', legalName: 'peugeot', siret: '732 829 320 00074' }, model);
    expect(score.probability).toBeLessThan(0.01);
    expect(score.rule).toBe('same-siret');
    expect(decideMatch(score, model.thresholds)).toBe('link');
  });

  it('two different valid SIRENs never link, even with identical names', () => {
    const score = scorePair({ id: 'a', legalName: 'acme', siren: '732829320' }, { id: 'b', legalName: 'acme', siren: '552100554' }, model);
    expect(score.probability).toBeGreaterThan(0.99);
    expect(score.rule).toBe('different-siren');
    expect(decideMatch(score, model.thresholds)).toBe('distinct');
  });

  it('an invalid or generic SIREN triggers nothing', () => {
    const score = scorePair({ id: 'a', legalName: 'acme', siren: '000000000' }, { id: 'b', legalName: 'acme', siren: '732829321' }, model);
    expect(score.rule).toBeUndefined();
    expect(decideMatch(score, model.thresholds)).toBe('link');
  });

  it('a person is never an organization', () => {
    const score = scorePair({ id: 'a', kind: 'person', legalName: 'acme' }, { id: 'b', kind: 'organization', legalName: 'acme' }, model);
    expect(score.rule).toBe('different-kind');
    expect(decideMatch(score, model.thresholds)).toBe('distinct');
  });

  it('two persons whose first and last names both differ are two people, unless they share a birth date', () => {
    const colleague = scorePair({ id: 'a', firstName: 'jean', lastName: 'dupont', legalName: 'acme' }, { id: 'b', firstName: 'paul', lastName: 'martin', legalName: 'acme' }, model);
    expect(colleague.rule).toBe('different-names');
    expect(decideMatch(colleague, model.thresholds)).toBe('distinct');
    // a typo, a sound-alike, an initial, swapped names or a maiden name are not different names
    const alike = (a: object, b: object) => scorePair({ id: 'a', ...a }, { id: 'b', ...b }, model).rule;
    expect(alike({ firstName: 'jean', lastName: 'dupont' }, { firstName: 'paul', lastName: 'dupond' })).toBeUndefined();
    expect(alike({ firstName: 'j', lastName: 'durand' }, { firstName: 'jean', lastName: 'martin' })).toBeUndefined();
    expect(alike({ firstName: 'jean', lastName: 'dupont' }, { firstName: 'dupont', lastName: 'jean' })).toBeUndefined();
    expect(alike({ firstName: 'marie', lastName: 'martin', birthName: 'dupont' }, { firstName: 'mary', lastName: 'dupont' })).toBeUndefined();
    // a record typed with another person's names still has the customer's birth date
    expect(alike({ firstName: 'jean', lastName: 'dupont', birthDate: '19800101' }, { firstName: 'paul', lastName: 'martin', birthDate: '19800101' })).toBeUndefined();
    // a missing name decides nothing
    expect(alike({ firstName: 'jean' }, { firstName: 'paul', lastName: 'martin' })).toBeUndefined();
  });

  it('two persons at one address with different first names and no birth date, email or phone in common are one household, not one person', () => {
    const home = { lastName: 'martin', houseNumber: '12', street: 'rue des lilas', postalCode: '69003' };
    const rule = (a: object, b: object) => scorePair({ id: 'a', ...a }, { id: 'b', ...b }, model).rule;
    const claire = { ...home, firstName: 'claire', emails: ['claire.martin@gmail.com'] };
    const paul = { ...home, firstName: 'paul', phones: ['+33612345678'] };
    expect(rule(claire, paul)).toBe('different-first-names');
    expect(isCannotLink('different-first-names')).toBe(true);
    // the same first name with a typo, a prefix (Fred/Frederic) or an initial (JP/Jean-Pierre): not this rule
    expect(rule(claire, { ...paul, firstName: 'clarie' })).toBeUndefined();
    expect(rule({ ...claire, firstName: 'fred' }, { ...paul, firstName: 'frederic' })).toBeUndefined();
    expect(rule({ ...claire, firstName: 'jp' }, { ...paul, firstName: 'jeanpierre' })).toBeUndefined();
    // something personal in common (birth date, email, phone): left to the score
    expect(rule({ ...claire, birthDate: '19800101' }, { ...paul, birthDate: '19800101' })).toBeUndefined();
    expect(rule(claire, { ...paul, emails: ['claire.martin@gmail.com'] })).toBeUndefined();
    // not one address, or a record without an email or a phone (Febrl, historical data): left to the score
    expect(rule(claire, { ...paul, houseNumber: '14' })).toBeUndefined();
    expect(rule(claire, { ...paul, phones: [] })).toBeUndefined();
  });

  it('a "not a match" pair is never linked, in either order', () => {
    const notAMatch = new NotAMatchSet([['b', 'a']]);
    const score = scorePair({ id: 'a', legalName: 'acme' }, { id: 'b', legalName: 'acme' }, model, { notAMatch });
    expect(score.rule).toBe('not-a-match');
    expect(decideMatch(score, model.thresholds)).toBe('distinct');
  });
});
