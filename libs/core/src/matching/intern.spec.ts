import { extractFeatures } from './features';
import { internFeatures, StringInterner } from './intern';
import { withoutUndefined } from './match-record';
import { prepareMatchRecord } from './prepare-record';

describe('shared strings', () => {
  it('gives one string object per value', () => {
    const interner = new StringInterner();
    const a = interner.intern(['mar', 'tin'].join(''));
    const b = interner.intern(['ma', 'rtin'].join(''));
    expect(b).toBe(a);
    expect(interner.intern('dupont')).toBe('dupont');
    expect(interner.size).toBe(2);
  });

  it('leaves the features equal, sharing their strings and empty lists', () => {
    const records = [
      prepareMatchRecord('1', 'person', { firstName: 'Jean', lastName: 'Martin', city: 'Paris', postalCode: '75001' }),
      prepareMatchRecord('2', 'person', { firstName: 'Jean', lastName: 'Martin', city: 'Paris', postalCode: '75002', email: ['jean.martin@example.org'] }),
    ];
    const plain = records.map((r) => extractFeatures({ ...r }));
    const interner = new StringInterner();
    const shared = records.map((r) => internFeatures(extractFeatures(r), interner));
    expect(shared).toEqual(plain);
    expect(shared[0].phones).toBe(shared[1].phones);
    expect(shared[0].emails).not.toBe(shared[1].emails);
    expect(Object.isFrozen(shared[0].phones)).toBe(true);
    expect(shared[1].city).toBe(shared[0].city);
    expect(shared[1].record.id).toBe('2');
  });

  it('drops undefined attributes without deleting properties', () => {
    const record = withoutUndefined({ id: '1', firstName: undefined, lastName: 'martin' });
    expect(Object.keys(record)).toEqual(['id', 'lastName']);
    expect(Object.keys(prepareMatchRecord('1', 'person', { lastName: 'Martin' })).sort()).toEqual(['country', 'id', 'kind', 'lastName']);
  });
});
