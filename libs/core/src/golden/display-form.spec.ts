import { restoreAccents } from './display-form';
import { LineageEntry } from './lineage';
import { MemberRecord } from './member-record';

const member = (source: string, lastName: string): MemberRecord => ({ source, sourceId: '1', versionAt: '2026-11-01T00:00:00.000Z', attributes: { lastName }, findings: [] });
const chosenFrom = (source: string, value: string) => ({
  value,
  lineage: [{ source, sourceId: '1', rule: 'source-priority', versionAt: '2026-11-01T00:00:00.000Z', reason: `${source} outranks the others for personName (source priority)` } as LineageEntry],
});

describe('restoreAccents', () => {
  it('shows the accented form another member gives of the same name, and says where it comes from', () => {
    // the shop typed LEFEVRE (standardized "Lefevre") and wins on priority; the CRM writes "Lefèvre"
    const restored = restoreAccents('lastName', chosenFrom('ecommerce', 'Lefevre'), [member('ecommerce', 'Lefevre'), member('crm', 'Lefèvre')]);
    expect(restored.value).toBe('Lefèvre');
    expect(restored.lineage[0]).toMatchObject({ source: 'crm', rule: 'source-priority', reason: 'ecommerce outranks the others for personName (source priority); written as crm:1 writes it, with its accents' });
  });

  it('never changes the value itself: another name, or a less accented form, is left alone', () => {
    const chosen = chosenFrom('ecommerce', 'Lefèvre');
    expect(restoreAccents('lastName', chosen, [member('crm', 'Lefevre'), member('forms', 'Lefebvre')])).toBe(chosen);
    const martin = chosenFrom('erp', 'Martin');
    expect(restoreAccents('lastName', martin, [member('crm', 'Martiné')])).toBe(martin);
  });
});

describe('restoreAccents, whatever the order of the members', () => {
  it('picks the same form when two members write the name with as many accents', () => {
    const members = [member('crm', 'Lefèvre'), member('erp', 'LEFÈVRE'), member('ecommerce', 'Lefevre')];
    const forward = restoreAccents('lastName', chosenFrom('ecommerce', 'Lefevre'), members);
    const backward = restoreAccents('lastName', chosenFrom('ecommerce', 'Lefevre'), [...members].reverse());
    // crm:1 comes before erp:1: its form wins the tie
    expect(forward.value).toBe('Lefèvre');
    expect(backward).toEqual(forward);
  });
});
