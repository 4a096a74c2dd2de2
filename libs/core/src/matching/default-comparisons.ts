import { ComparisonSpec, LevelSpec } from './comparison-spec';

import { PartyKind } from '../model/attributes';

/**
 * A contact's work record (the employer's address, switchboard and work email) against a private
 * record of the same person: a disagreement is expected, so it is no evidence. Placed after the
 * agreeing levels: an agreement still counts.
 */
export const WORK_AND_PRIVATE: LevelSpec = { label: 'work and private records', rule: { type: 'workAndPrivate' }, asNull: true };

/**
 * Postal codes in two districts (not one typo apart): the postal-code comparison weighs that the
 * addresses differ; the street and house number disagreeing too is the same fact, not counted
 * again (and a street name agreeing in another town is no evidence).
 */
const DIFFERENT_DISTRICT: LevelSpec = { label: 'postal codes in different districts', rule: { type: 'differentDistrict' }, asNull: true };

/**
 * The default comparisons. A comparison whose values are missing on either side sits at its null
 * level and weighs nothing. Thresholds follow Splink's usual choices (Jaro-Winkler 0.92 / 0.8 for
 * names). Persons and organizations each get their own list (`defaultComparisons`): the employer
 * and the mail domain of a contact are the company's, shared by every colleague, so they are not
 * evidence that two contact records are one person.
 */
export const DEFAULT_COMPARISONS: ComparisonSpec[] = [
  {
    name: 'firstName',
    field: 'firstName',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      // weighed once, by the last-name comparison
      { label: 'swapped with last name', rule: { type: 'namesSwapped' }, asNull: true },
      { label: 'jaro-winkler ≥ 0.92', rule: { type: 'jaroWinkler', min: 0.92 } },
      { label: 'same phonetic code', rule: { type: 'phonetic' } },
      // nicknames and compound names cut short: Fred/Frédéric, Seb/Sébastien, Jean/Jean-Claude
      { label: 'prefix', rule: { type: 'prefix' } },
      { label: 'initial', rule: { type: 'initial' } },
      { label: 'jaro-winkler ≥ 0.8', rule: { type: 'jaroWinkler', min: 0.8 } },
    ],
  },
  {
    name: 'lastName',
    field: 'lastName',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'swapped with first name', rule: { type: 'namesSwapped' } },
      { label: 'birth name', rule: { type: 'birthName' } },
      { label: 'jaro-winkler ≥ 0.92', rule: { type: 'jaroWinkler', min: 0.92 } },
      { label: 'same phonetic code', rule: { type: 'phonetic' } },
      { label: 'jaro-winkler ≥ 0.8', rule: { type: 'jaroWinkler', min: 0.8 } },
    ],
  },
  {
    name: 'fullName',
    field: 'fullName',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'token set ≥ 0.9', rule: { type: 'tokenSet', min: 0.9 } },
      { label: 'token set ≥ 0.6', rule: { type: 'tokenSet', min: 0.6 } },
    ],
  },
  {
    name: 'birthDate',
    field: 'birthDate',
    levels: [
      // with frequencies: a date typed as 1 January when only the year is known is common
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'day/month swap or one-digit typo', rule: { type: 'dateSwapOrTypo' } },
      { label: 'within a year', rule: { type: 'dateWithinDays', days: 366 } },
    ],
  },
  {
    name: 'gender',
    field: 'gender',
    levels: [
      // a first name says the gender: the civility agreeing with it is the same evidence, counted once
      { label: 'same first name', rule: { type: 'sameFirstName' }, asNull: true },
      { label: 'exact', rule: { type: 'exact' } },
    ],
  },
  {
    name: 'email',
    field: 'email',
    levels: [
      { label: 'exact', rule: { type: 'exact' } },
      // typed by hand: jean.dupont@hotmial.fr
      { label: 'domain typo', rule: { type: 'emailDomainTypo', max: 2 } },
      // jean.sanchew@gmail.com: a typo in the local part (not in its first letter or its digits)
      { label: 'local part typo', rule: { type: 'emailLocalTypo' } },
      { label: 'same local part', rule: { type: 'emailLocalPart' } },
      { label: 'same domain', rule: { type: 'emailDomain' } },
    ],
  },
  {
    name: 'phone',
    field: 'phone',
    levels: [
      { label: 'exact', rule: { type: 'exact' } },
      { label: 'same last 8 digits', rule: { type: 'phoneSuffix', digits: 8 } },
    ],
  },
  { name: 'houseNumber', field: 'houseNumber', levels: [{ label: 'exact', rule: { type: 'exact' } }, WORK_AND_PRIVATE, DIFFERENT_DISTRICT] },
  {
    name: 'street',
    field: 'street',
    levels: [
      // a house number alone says little (38 is in every street): it counts with its street
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'jaro-winkler ≥ 0.9', rule: { type: 'jaroWinkler', min: 0.9 } },
      { label: 'token set ≥ 0.6', rule: { type: 'tokenSet', min: 0.6 } },
      WORK_AND_PRIVATE,
      DIFFERENT_DISTRICT,
    ],
  },
  {
    name: 'addressLine2',
    field: 'addressLine2',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'jaro-winkler ≥ 0.9', rule: { type: 'jaroWinkler', min: 0.9 } },
      WORK_AND_PRIVATE,
      DIFFERENT_DISTRICT,
    ],
  },
  {
    name: 'postalCode',
    field: 'postalCode',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'one typo', rule: { type: 'levenshtein', max: 1 } },
      { label: 'same district', rule: { type: 'sameDistrict' } },
      WORK_AND_PRIVATE,
    ],
  },
  {
    name: 'city',
    field: 'city',
    levels: [
      // the postal code already says it: one piece of evidence, counted once
      { label: 'same postal code', rule: { type: 'samePostalCode' }, asNull: true },
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'jaro-winkler ≥ 0.9', rule: { type: 'jaroWinkler', min: 0.9 } },
    ],
  },
  {
    name: 'region',
    field: 'region',
    levels: [
      { label: 'same postal district', rule: { type: 'sameDistrict' }, asNull: true },
      { label: 'exact', rule: { type: 'exact' } },
    ],
  },
  {
    name: 'legalName',
    field: 'legalName',
    levels: [
      { label: 'exact', rule: { type: 'exact', termFrequency: true } },
      { label: 'token set ≥ 0.8', rule: { type: 'tokenSet', min: 0.8 } },
      { label: 'one name contains the other', rule: { type: 'tokenContainment', min: 1 } },
      { label: 'jaro-winkler ≥ 0.9', rule: { type: 'jaroWinkler', min: 0.9 } },
      { label: 'token set ≥ 0.5', rule: { type: 'tokenSet', min: 0.5 } },
    ],
  },
  {
    name: 'siret',
    field: 'siret',
    levels: [
      { label: 'same SIRET', rule: { type: 'exact' } },
      { label: 'same SIREN', rule: { type: 'sameSiren' } },
    ],
  },
];

/**
 * A person's employer (the company name on a contact's record, or on a B2B lead): persons only, and
 * only when both records have one (one work and one private record say nothing, see
 * WORK_AND_PRIVATE). Colleagues share it, so it is no evidence on its own (two colleagues' names
 * differ: the "different names" rule); with the names agreeing, the same employer tells the
 * contact from a homonym, and two different employers tell two homonyms apart.
 */
export const EMPLOYER_COMPARISON: ComparisonSpec = {
  name: 'employer',
  field: 'legalName',
  levels: [
    // a B2B lead without a name is the company's, not a person's: any colleague's
    { label: 'a record without a name', rule: { type: 'nameless' }, asNull: true },
    { label: 'exact', rule: { type: 'exact', termFrequency: true } },
    { label: 'token set ≥ 0.8', rule: { type: 'tokenSet', min: 0.8 } },
    { label: 'one name contains the other', rule: { type: 'tokenContainment', min: 1 } },
    { label: 'jaro-winkler ≥ 0.9', rule: { type: 'jaroWinkler', min: 0.9 } },
  ],
};

const PERSON_ONLY = new Set(['firstName', 'lastName', 'fullName', 'birthDate', 'gender']);
const ORGANIZATION_ONLY = new Set(['legalName', 'siret']);

/** The default comparisons of a kind (all of them for records of unknown kind). */
export function defaultComparisons(kind: PartyKind | 'any'): ComparisonSpec[] {
  if (kind === 'any') return DEFAULT_COMPARISONS;
  const list = DEFAULT_COMPARISONS.filter((c) => !(kind === 'person' ? ORGANIZATION_ONLY : PERSON_ONLY).has(c.name)).map((c) =>
    // a contact's work address is the company's: the same domain says nothing of the person; a
    // person's local part is mostly made of their names, already compared
    kind === 'person' && c.name === 'email' ? { ...c, levels: c.levels.filter((l) => l.rule.type === 'exact' || l.rule.type === 'emailDomainTypo' || l.rule.type === 'emailLocalTypo') } : c,
  );
  return kind === 'person' ? [...list, EMPLOYER_COMPARISON] : list;
}
