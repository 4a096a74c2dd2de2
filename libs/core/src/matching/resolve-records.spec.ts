import { generateRows } from '../generator';
import { MatchRecord } from './match-record';
import { prepareMatchRecord } from './prepare-record';
import { seededRandom } from './random';
import { combineResults, resolveRecords } from './resolve-records';

// Four people, eleven records: typos, a surname-first entry, a maiden name, a day/month swap.
const PEOPLE: [string, Record<string, string>][] = [
  ['crm-1', { firstName: 'Jean', lastName: 'Dupont', birthDate: '1980-04-09', postalCode: '75011', email: 'jean.dupont@acme.fr' }],
  ['erp-7', { firstName: 'Jean', lastName: 'Dupond', birthDate: '09/04/1980', postalCode: '75011' }],
  ['web-3', { firstName: 'DUPONT', lastName: 'Jean', postalCode: '75011', email: 'jean.dupont@acme.fr' }],
  ['crm-2', { firstName: 'Hélène', lastName: 'Lefèvre', birthDate: '1975-12-01', postalCode: '69003', phone: '06 12 34 56 78' }],
  ['erp-2', { firstName: 'Helene', lastName: 'Lefebvre', birthDate: '1975-01-12', postalCode: '69003' }],
  ['web-9', { firstName: 'Hélène', lastName: 'Lefevre', phone: '+33 6 12 34 56 78' }],
  ['crm-5', { firstName: 'Paul', lastName: 'Martin', birthDate: '1990-06-15', postalCode: '33000' }],
  ['erp-5', { firstName: 'Paul', lastName: 'Martin', birthDate: '1990-06-15', postalCode: '33000' }],
  ['crm-6', { firstName: 'Paul', lastName: 'Martin', birthDate: '1962-02-20', postalCode: '13001' }],
  ['crm-8', { firstName: 'Claire', lastName: 'Bernard', birthDate: '1985-03-03', postalCode: '59000' }],
  ['erp-8', { firstName: 'Claire', lastName: 'Bernard', birthDate: '1985-03-03', postalCode: '59000' }],
];

// A town of 300 other people, each recorded once, so that u (chance agreement) can be learnt.
const FIRST = ['Louis', 'Emma', 'Hugo', 'Chloé', 'Léo', 'Manon', 'Nathan', 'Camille', 'Lucas', 'Inès', 'Arthur', 'Sarah', 'Jules', 'Léa', 'Adam', 'Zoé', 'Gabriel', 'Alice', 'Raphaël', 'Lina'];
const LAST = ['Petit', 'Robert', 'Richard', 'Durand', 'Moreau', 'Simon', 'Laurent', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Blanc', 'Guérin'];
const random = seededRandom(1);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const TOWN: [string, Record<string, string>][] = Array.from({ length: 300 }, (_, i) => [
  `town-${String(i).padStart(3, '0')}`,
  {
    firstName: pick(FIRST),
    lastName: pick(LAST),
    birthDate: `19${40 + Math.floor(random() * 60)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    postalCode: pick(['75011', '69003', '33000', '13001', '59000', '31000', '44000']),
    ...(i % 3 === 0 ? { email: `client${i}@example.org` } : {}),
    ...(i % 4 === 0 ? { phone: `06 ${String(10_000_000 + i * 7919).slice(0, 8)}` } : {}),
  },
]);
const ALL = [...PEOPLE, ...TOWN];

function records(order: number[] = ALL.map((_, i) => i)): MatchRecord[] {
  return order.map((i) => {
    const [id, { email, phone, ...rest }] = ALL[i];
    return prepareMatchRecord(id, 'person', { ...rest, email: email ? [email] : undefined, phone: phone ? [phone] : undefined });
  });
}

const clustersOf = (input: MatchRecord[], clusterIds: string[]) => {
  const groups = new Map<string, string[]>();
  input.forEach((r, i) => groups.set(clusterIds[i], [...(groups.get(clusterIds[i]) ?? []), r.id].sort()));
  return [...groups.values()].filter((g) => !g[0].startsWith('town-')).sort((a, b) => (a[0] < b[0] ? -1 : 1));
};

describe('resolveRecords', () => {
  it('trains on the records themselves and finds the people', () => {
    const input = records();
    const result = resolveRecords(input);
    // nobody in town was recorded twice
    expect(input.filter((r, i) => r.id.startsWith('town-') && result.clusterIds[i] !== r.id)).toEqual([]);
    expect(clustersOf(input, result.clusterIds)).toEqual([
      ['crm-1', 'erp-7', 'web-3'],
      ['crm-2', 'erp-2', 'web-9'],
      ['crm-5', 'erp-5'],
      ['crm-6'], // a namesake: another birth date, another city
      ['crm-8', 'erp-8'],
    ]);
    // cluster ids are the smallest record id of each cluster
    expect(result.clusterIds[input.findIndex((r) => r.id === 'web-3')]).toBe('crm-1');
  });

  it('gives the same clusters whatever the order of the records', () => {
    const forward = records();
    const backward = records(ALL.map((_, i) => ALL.length - 1 - i));
    const a = resolveRecords(forward);
    const b = resolveRecords(backward);
    const byId = (input: MatchRecord[], ids: string[]) => Object.fromEntries(input.map((r, i) => [r.id, ids[i]]));
    expect(byId(backward, b.clusterIds)).toEqual(byId(forward, a.clusterIds));
  });

  it('keeps "not a match" pairs apart', () => {
    const input = records();
    const result = resolveRecords(input, { notAMatch: [['crm-5', 'erp-5']] });
    expect(result.clusterIds[input.findIndex((r) => r.id === 'erp-5')]).toBe('erp-5');
  });

  it('matches persons and organizations apart, with a model each, never one with the other', () => {
    const input = [
      ...records(),
      prepareMatchRecord('org-1', 'organization', { legalName: 'Dupont SARL', phone: ['06 12 34 56 78'], postalCode: '69003' }),
      prepareMatchRecord('org-2', 'organization', { legalName: 'DUPONT', phone: ['+33 6 12 34 56 78'], postalCode: '69003' }),
    ];
    const result = resolveRecords(input);
    expect(Object.keys(result.models).sort()).toEqual(['organization', 'person']);
    const clusterOf = (id: string) => result.clusterIds[input.findIndex((r) => r.id === id)];
    // the companies share Hélène Lefèvre's phone number, but a person is never a company
    expect(['org-1', 'org-2']).toContain(clusterOf('org-2'));
    expect(['crm-2', 'erp-2', 'web-9'].map(clusterOf)).toEqual(['crm-2', 'crm-2', 'crm-2']);
    // the prior is the chance that two persons taken at random are one: expected matches over all pairs
    const person = result.models.person!;
    expect(person.prior).toBeCloseTo(person.training!.expectedMatches / ((311 * 310) / 2), 10);
  });

  it('resolving the kinds apart (e.g. in two threads) and combining gives the same clusters', () => {
    const input = [...records(), prepareMatchRecord('org-1', 'organization', { legalName: 'Acme' }), prepareMatchRecord('org-2', 'organization', { legalName: 'Acme' })];
    const persons = input.map((r, i) => i).filter((i) => input[i].kind === 'person');
    const others = input.map((r, i) => i).filter((i) => input[i].kind !== 'person');
    const combined = combineResults(
      [persons, others].map((indices) => ({ indices, result: resolveRecords(indices.map((i) => input[i])) })),
      input.length,
    );
    expect(combined.clusterIds).toEqual(resolveRecords(input).clusterIds);
    expect(Object.keys(combined.models).sort()).toEqual(['organization', 'person']);
  });

  it('refuses duplicate ids', () => {
    expect(() => resolveRecords([...records(), records()[0]])).toThrow(/duplicate record id "crm-1"/);
  });
});

describe('resolveRecords input order', () => {
  it('trains the same model and gives the same clusters and reviews whatever the order of the records', () => {
    // generated French customers: enough pairs for the training to depend on their order
    const records: MatchRecord[] = [];
    for (const row of generateRows({ records: 3000, seed: 3 }))
      records.push(
        prepareMatchRecord(row.record_id, row.kind === 'organization' ? 'organization' : 'person', {
          firstName: row.firstName || undefined,
          lastName: row.lastName || undefined,
          birthDate: row.birthDate || undefined,
          street: row.street || undefined,
          postalCode: row.postalCode || undefined,
          city: row.city || undefined,
          legalName: row.legalName || undefined,
          email: row.email ? row.email.split('|') : undefined,
          phone: row.phone ? row.phone.split('|') : undefined,
        }),
      );
    const options = { uSamplePairs: 20_000, em: { maxIterations: 50 } };
    const forward = resolveRecords(records, options);
    const shuffled = [...records].reverse();
    const backward = resolveRecords(shuffled, options);
    const byId = (list: MatchRecord[], clusterIds: string[]) => new Map(list.map((r, i) => [r.id, clusterIds[i]]));
    expect(JSON.stringify(backward.models)).toBe(JSON.stringify(forward.models));
    expect(backward.reviews).toEqual(forward.reviews);
    expect(byId(shuffled, backward.clusterIds)).toEqual(byId(records, forward.clusterIds));
  });
});
