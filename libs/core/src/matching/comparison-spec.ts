/**
 * Comparisons are data: an ordered list of levels, checked from the strongest to the weakest, in the
 * manner of Splink's comparison levels. Level 0 is always "null" (a value missing on either side:
 * no evidence, weight 0) and the last level is always "else" (every level above failed).
 */
export const COMPARISON_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'birthDate',
  'gender',
  'email',
  'phone',
  'houseNumber',
  'street',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'legalName',
  'siret',
] as const;
export type ComparisonField = (typeof COMPARISON_FIELDS)[number];

export type LevelRule =
  /** Same value (for emails and phones: one value in common). `termFrequency`: u from the value's frequency. */
  | { type: 'exact'; termFrequency?: boolean }
  | { type: 'jaroWinkler'; min: number }
  | { type: 'levenshtein'; max: number }
  /** Same French phonetic code (names). */
  | { type: 'phonetic' }
  /** First and last names exchanged between the two records ("DUPONT Jean" vs "Jean Dupont"). */
  | { type: 'namesSwapped' }
  /** One record's last name is the other's birth name. */
  | { type: 'birthName' }
  /** One value is a single letter, the other's initial ("J" vs "Jean"). */
  | { type: 'initial' }
  /** Token-set Dice similarity ≥ min (company names, streets, whole names). */
  | { type: 'tokenSet'; min: number }
  /** Share of the shorter value's tokens found in the other ≥ min. */
  | { type: 'tokenContainment'; min: number }
  /** Day and month exchanged, or one digit wrong / two adjacent digits exchanged. */
  | { type: 'dateSwapOrTypo' }
  | { type: 'dateWithinDays'; days: number }
  /** Same postal district (French département, British outward code…), whatever the field compared. */
  | { type: 'sameDistrict' }
  /** Same postal code, whatever the field compared (a city is known from its postal code). */
  | { type: 'samePostalCode' }
  /**
   * Postal codes in two different districts, more than one typo apart: two different addresses,
   * which the postal-code comparison already weighs (the street and house number then say nothing more).
   */
  | { type: 'differentDistrict' }
  /**
   * Two person records, exactly one of them with an employer (a contact's work record, with the
   * company's address, switchboard and work email, against a private one): their addresses, phones
   * and emails are not expected to agree.
   */
  | { type: 'workAndPrivate' }
  /** The first names are the same or one typo apart (Jaro-Winkler ≥ 0.92): they already say the gender. */
  | { type: 'sameFirstName' }
  /** Either person record has neither a first nor a last name (nor a full name). */
  | { type: 'nameless' }
  /** One name is the beginning of the other, 3 letters or more (Fred/Frédéric, Jean/Jean-Claude). */
  | { type: 'prefix' }
  /** The same local part (not a role mailbox, not the record's company name spelt out) at two domains. */
  | { type: 'emailLocalPart' }
  /**
   * The same local part (not a role mailbox) at domains at most `max` edits apart (Levenshtein):
   * gmial.com, hotmal.fr. A typo in the local part is not accepted: jmartin and pmartin are two people.
   */
  | { type: 'emailDomainTypo'; max: number }
  /**
   * The same domain and local parts one typo apart (one letter inserted, deleted or replaced, or two
   * adjacent letters exchanged): jean.sanchez / jean.sanchew. Local parts of 6 characters or more,
   * the same first letter and the same digits: jmartin / pmartin and marie.martin1 / marie.martin2
   * are two people.
   */
  | { type: 'emailLocalTypo' }
  /** Same non-webmail domain. */
  | { type: 'emailDomain' }
  /** Same last `digits` digits. */
  | { type: 'phoneSuffix'; digits: number }
  /** SIRETs differ but share their SIREN (two establishments of one company). */
  | { type: 'sameSiren' };

export interface LevelSpec {
  label: string;
  rule: LevelRule;
  /**
   * The pair is put at the null level (no evidence) when this level matches: for evidence another
   * comparison already counts (swapped names are weighed once, by the last-name comparison).
   */
  asNull?: boolean;
}

export interface ComparisonSpec {
  name: string;
  field: ComparisonField;
  levels: LevelSpec[];
}

export const NULL_LEVEL = 0;
