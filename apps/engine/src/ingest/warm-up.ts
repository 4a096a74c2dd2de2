import { MappedRecord } from '@mdm/core';

/**
 * Made-up records of both kinds, with the attributes the standardization and the matcher read, to
 * run the engine's code once before its first batch. Their values are ones no customer has: the
 * reserved `.invalid` domain, numbers of the range kept for fiction (01 99 00 …), a SIREN no
 * company is given, so they share no blocking key with stored records beyond common names.
 */
export function warmUpRecords(source: string, perKind: number): MappedRecord[] {
  const records: MappedRecord[] = [];
  for (let i = 0; i < perKind; i++) {
    const n = String(i).padStart(2, '0');
    records.push({
      source,
      sourceId: `warm-up:person:${n}`,
      entity: 'warm-up',
      kind: 'person',
      attributes: {
        civility: i % 2 === 0 ? 'Mme' : 'M.',
        firstName: i % 2 === 0 ? 'Éléonore' : 'Jean-Étienne',
        lastName: `Échauffement ${n}`,
        birthDate: `1970-01-${String((i % 28) + 1).padStart(2, '0')}`,
        email: [`warm-up.${n}@example.invalid`],
        phone: [`01 99 00 ${n} ${n}`],
        houseNumber: String(i + 1),
        street: "rue de l'Exemple",
        postalCode: '75001',
        city: 'Paris',
        country: 'FR',
      },
      sourceUpdatedAt: '2000-01-01T00:00:00Z',
      links: {},
    });
    records.push({
      source,
      sourceId: `warm-up:organization:${n}`,
      entity: 'warm-up',
      kind: 'organization',
      attributes: {
        legalName: `Échauffement ${n} SAS`,
        siren: '999999998',
        siret: '99999999800019',
        email: [`contact.${n}@example.invalid`],
        phone: [`+33 1 99 00 ${n} ${n}`],
        street: "avenue de l'Exemple",
        postalCode: '69001',
        city: 'Lyon',
        country: 'FR',
      },
      sourceUpdatedAt: '2000-01-01T00:00:00Z',
      links: {},
    });
  }
  return records;
}
