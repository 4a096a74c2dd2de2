import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { CanonicalAttributes } from '../model/attributes';
import { FindingCode } from '../standardization/findings';
import { MemberRecord } from './member-record';
import { StewardOverride } from './steward-override';
import { computeGoldenValues } from './survivorship';
import { parseSurvivorshipPolicy } from './survivorship-policy';
import { finding, policyOf } from './__tests__/members.factory';

// Small pools, so that generated members often agree, tie on time and share values: the cases
// where an order-dependent implementation would show.
const SOURCES = ['erp', 'crm', 'ecommerce', 'forms', 'sap'];
const TIMES = ['2026-01-01T00:00:00.000Z', '2026-03-15T12:00:00.000Z', '2026-06-30T00:00:00.000Z'];
const CODES: [FindingCode, keyof CanonicalAttributes][] = [
  ['SIRET_CHECKSUM', 'siret'],
  ['POSTAL_CODE_INVALID', 'postalCode'],
  ['PHONE_INVALID', 'phone'],
  ['EMAIL_DOMAIN_TYPO', 'email'],
  ['SIREN_DERIVED', 'siren'],
  ['PLACEHOLDER_VALUE', 'legalName'],
];

const text = (...values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const list = (...values: string[]) => fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }), { nil: undefined });

const attributes = fc
  .record({
    legalName: text('Dupont SARL', 'DUPONT SARL', 'Dupont & Fils'),
    siret: text('83214567600009', '83214567600008'),
    street: text('rue Garibaldi', 'avenue de la République'),
    postalCode: text('69003', '69006'),
    city: text('Lyon', 'lyon', 'Villeurbanne'),
    firstName: text('Camille', 'Cam'),
    owner: text('Julien', 'Alice'),
    website: text('dupont.fr', 'www.dupont.fr'),
    email: list('a@dupont.fr', 'b@dupont.fr', 'compta@dupont.fr'),
    phone: list('+33612345678', '+33478123456', '+3312345'),
    emailOptIn: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as CanonicalAttributes);

const members = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...SOURCES), fc.constantFrom('1', '2', '3')), { minLength: 1, maxLength: 6, selector: ([s, id]) => `${s}:${id}` })
  .chain((ids) =>
    fc.tuple(
      ...ids.map(([source, sourceId]) =>
        fc.record({
          versionAt: fc.constantFrom(...TIMES),
          attributes,
          findings: fc.subarray(CODES).map((codes) => codes.map(([code, attribute]) => finding(code, attribute))),
        }).map((rest): MemberRecord => ({ source, sourceId, ...rest })),
      ),
    ),
  );

const overrides = fc.uniqueArray(
  fc.record({
    attribute: fc.constantFrom('legalName' as const, 'city' as const),
    value: fc.constantFrom('Dupont Officiel', 'Lyon 3e'),
    by: fc.constantFrom('marie', 'paul'),
    at: fc.constantFrom(...TIMES),
    reason: fc.constant('checked'),
  }),
  { maxLength: 3, selector: (o) => `${o.attribute}|${o.by}|${o.at}` },
);

const permuted = <T>(items: fc.Arbitrary<T[]>) => items.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

const committed = parseSurvivorshipPolicy(parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'survivorship.yaml'), 'utf8')), 'survivorship.yaml');
const everyRule = policyOf({
  default: { rules: ['most-frequent', 'most-complete'], validOnly: true },
  groups: {
    identity: { attributes: ['legalName', 'siret'], rules: [{ 'source-priority': ['erp', 'crm'] }, 'most-complete'] },
    address: { attributes: ['street', 'postalCode', 'city'], rules: [{ 'trust-decay': { trust: { erp: 0.9, crm: 0.6, forms: 0.6 }, defaultTrust: 0.3, halfLifeDays: 30 } }] },
  },
  attributes: {
    owner: { rules: ['most-recent'] },
    email: { aggregate: ['most-frequent', { 'source-priority': ['ecommerce', 'crm'] }] },
    phone: { aggregate: ['most-recent'], validOnly: true },
    emailOptIn: { rules: ['consent'] },
  },
});

describe('sequence neutrality of survivorship', () => {
  it.each([
    ['the committed policy', committed],
    ['a policy using every rule type', everyRule],
  ])('gives the same golden values and lineage for any order of the members and overrides (%s)', (_name, policy) => {
    fc.assert(
      fc.property(permuted(members), permuted(overrides), ([original, shuffled], [steward, stewardShuffled]) => {
        const a = computeGoldenValues('organization', original, policy, steward as StewardOverride[]);
        const b = computeGoldenValues('organization', shuffled, policy, stewardShuffled as StewardOverride[]);
        // byte for byte, as it is stored and published
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 500 },
    );
  });
});
