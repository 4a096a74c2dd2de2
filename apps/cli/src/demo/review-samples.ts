/**
 * Sample messages that give a data steward something to review: for each of four people, an online
 * account and a web-form lead that look alike without proving it (a name and a neighbouring postal
 * code, or an initial and a phone the account does not have). Each lead lands in the review band and
 * opens a `possible-match` task. The demo publishes them after the sources' example messages.
 */
export interface SampleMessage {
  source: 'ecommerce' | 'forms';
  key: string;
  value: Record<string, unknown>;
}

const account = (id: string, firstName: string, lastName: string, extra: Record<string, unknown>): SampleMessage => ({
  source: 'ecommerce',
  key: id,
  value: { accountId: id, customer: { firstName, lastName }, updatedAt: '2026-11-18T09:00:00Z', ...extra },
});

const lead = (id: string, fields: Record<string, string>, submittedAt: string): SampleMessage => ({
  source: 'forms',
  key: id,
  value: { submissionId: id, formId: 'contact', fields, submittedAt },
});

export const REVIEW_SAMPLES: SampleMessage[] = [
  account('W-501', 'Hélène', 'Moreau', {
    login: 'helene.moreau@gmail.com',
    customer: { title: 'Madame', firstName: 'Hélène', lastName: 'Moreau', birthDate: '03/09/1979' },
    phones: [{ type: 'mobile', number: '06 21 43 65 87' }],
    addresses: [{ type: 'shipping', street: '14 rue Mercière', zipCode: '69002', city: 'Lyon', country: 'France' }],
  }),
  account('W-502', 'Jean', 'Dupont', { login: 'jean.dupont@free.fr' }),
  account('W-503', 'Sophie', 'Garnier', { login: 'sophie.garnier@laposte.net' }),
  account('W-504', 'Thomas', 'Petit', { login: 'thomas.petit@orange.fr' }),
  lead('L-601', { name: 'MOREAU Helene', zip: '69001' }, '2026-11-21T10:00:00Z'),
  lead('L-602', { name: 'J. DUPONT', phone: '06 99 88 77 66' }, '2026-11-21T11:00:00Z'),
  lead('L-603', { name: 'S. GARNIER', phone: '06 45 78 12 90' }, '2026-11-22T09:30:00Z'),
  lead('L-604', { name: 'T. PETIT', phone: '07 61 52 43 34' }, '2026-11-22T14:15:00Z'),
];
