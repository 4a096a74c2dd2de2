import { ATTRIBUTE_NAMES } from '@mdm/core';
import { sideBySide, weightsOf } from './task-view';

describe('sideBySide', () => {
  it('flags the attributes both records hold with different values, lists as sets', () => {
    const rows = sideBySide({ lastName: 'Lefèvre', postalCode: '69002', email: ['a@x.fr', 'b@x.fr'] }, { lastName: 'Lefèvre', postalCode: '69001', email: ['b@x.fr', 'a@x.fr'], phone: ['+33611223344'] });
    // in the canonical order of attributes
    expect(rows.map((r) => r.attribute)).toEqual(['lastName', 'email', 'phone', 'postalCode'].sort((a, b) => ATTRIBUTE_NAMES.indexOf(a as never) - ATTRIBUTE_NAMES.indexOf(b as never)));
    expect(Object.fromEntries(rows.map((r) => [r.attribute, r]))).toEqual({
      lastName: { attribute: 'lastName', record: 'Lefèvre', candidate: 'Lefèvre', differs: false },
      email: { attribute: 'email', record: ['a@x.fr', 'b@x.fr'], candidate: ['b@x.fr', 'a@x.fr'], differs: false },
      // a value on one side only is no conflict
      phone: { attribute: 'phone', record: null, candidate: ['+33611223344'], differs: false },
      postalCode: { attribute: 'postalCode', record: '69002', candidate: '69001', differs: true },
    });
  });
});

describe('weightsOf', () => {
  it('keeps comparison, level and weight of each contribution, in order', () => {
    const details = { contributions: [{ comparison: 'prior', level: 'λ = 0.001', weight: -9.97 }, { comparison: 'lastName', level: 'exact', weight: 6.5, termFrequencyAdjustment: -1 }] };
    expect(weightsOf(details)).toEqual([
      { comparison: 'prior', level: 'λ = 0.001', weight: -9.97 },
      { comparison: 'lastName', level: 'exact', weight: 6.5 },
    ]);
    expect(weightsOf({})).toEqual([]);
  });
});
