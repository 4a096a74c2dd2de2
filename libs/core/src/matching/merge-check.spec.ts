import { NotAMatchSet } from './deterministic-rules';
import { mergeBlocker } from './merge-check';
import { MatchRecord } from './match-record';

const org = (id: string, values: Partial<MatchRecord>): MatchRecord => ({ id, source: id.split(':')[0], kind: 'organization', ...values });

describe('mergeBlocker', () => {
  // 732829320 and 443061841 both pass the Luhn check: two legal units
  const dupont = org('crm:1', { legalName: 'dupont et fils', siren: '732829320' });
  const other = org('erp:9', { legalName: 'dupont et fils', siren: '443061841' });
  const same = org('web:1', { legalName: 'dupont et fils', siren: '732829320' });

  it('lets a steward merge records no rule keeps apart', () => {
    expect(mergeBlocker([dupont], [same])).toBeUndefined();
  });

  it('names the pair and the rule that forbids the merge', () => {
    expect(mergeBlocker([dupont, same], [other])).toEqual({ left: 'crm:1', right: 'erp:9', rule: 'different-siren' });
    expect(mergeBlocker([dupont], [same], { notAMatch: new NotAMatchSet([['web:1', 'crm:1']]) })).toEqual({ left: 'crm:1', right: 'web:1', rule: 'not-a-match' });
    expect(mergeBlocker([org('erp:1', {})], [org('erp:2', {})], { uniqueSources: ['erp'] })).toEqual({ left: 'erp:1', right: 'erp:2', rule: 'same-unique-source' });
    expect(mergeBlocker([dupont], [{ id: 'web:2', source: 'web', kind: 'person', lastName: 'dupont' }])).toMatchObject({ rule: 'different-kind' });
  });
});
