/**
 * The error model: what real French customer data does to clean values. Each probability applies
 * per source record (or per field where stated), is multiplied by the source's noise level and by
 * the run's errorRate, and is capped at 1.
 */
import { DOTTED_LEGAL_FORMS } from './data/companies';
import { NICKNAMES } from './data/names';
import { callingCodeOf } from './identifiers';
import { Rng } from './prng';
import { stripAccents } from './text';

export interface ErrorProbabilities {
  /** Per record: accents dropped from every text field ("Lefèvre" → "Lefevre"). */
  dropAccents: number;
  /** Per record: names, street and city upper-cased ("JEAN DUPONT"). */
  upperCase: number;
  /** Per record: names typed in lower case ("jean dupont"). */
  lowerCase: number;
  /** Per person record: first and last names swapped between the two fields. */
  swapNames: number;
  /** Per text field (names, street, city, legal name, email local part): one typo. */
  typo: number;
  /** Per phone: written in a format other than the source's usual one ("06.12.34.56.78", "+33 (0)6…"). */
  phoneFormat: number;
  /** Per organization record outside the ERP: legal form written into the name ("SARL Dupont", "Dupont S.A.R.L.", "Ste Dupont"). */
  legalFormVariant: number;
  /** Per address: street type abbreviated (av., bd, r., pl.) and "Saint" → "St", "Général" → "Gal". */
  streetAbbreviation: number;
  /** Per optional field present in the source's schema: left empty. */
  missingField: number;
  /** Per record of a party that moved or changed number/email: the old value is recorded. */
  stale: number;
  /** Per person record: a diminutive instead of the given name (Alexandre → Alex, Jean-Pierre → JP). */
  nickname: number;
  /** Per person record with a compound given name: "Jean Pierre", "J.-P." or "Jean" only. */
  givenNameVariant: number;
  /** Per record of a married woman: birth name instead of married name, or "X née Y". */
  maidenName: number;
  /** Per birth date: day and month swapped (when both are ≤ 12). */
  dateSwap: number;
  /** Per contact record: the company's role mailbox (contact@, info@) instead of the person's email. */
  genericEmail: number;
  /** Per contact record: the company switchboard instead of (or besides) the person's line. */
  sharedSwitchboard: number;
  /** Per record: a placeholder (0000000000, test@test.com, all-zero SIRET) instead of a real value. */
  placeholder: number;
  /** Per postal code starting with 0: the leading zero lost in a spreadsheet ("01000" → "1000"). */
  postalCodeLeadingZero: number;
  /** Per city: "Saint" → "St", "Paris 15e"/"PARIS 15", "Lyon Cedex 03". */
  cityVariant: number;
  /** Per identifier (SIREN, SIRET, VAT): one digit mistyped or two digits swapped. */
  identifierTypo: number;
  /** Per identifier or NAF code: other formatting ("123 456 789 00012", "6201Z", "62 01 Z"). */
  identifierFormat: number;
  /** Per civility: "Monsieur", "Mr", "MME", "Mlle" instead of the source's usual form. */
  civilityVariant: number;
  /** Per full-name field: surname first ("DUPONT Jean"). */
  fullNameSurnameFirst: number;
}

export const DEFAULT_ERROR_PROBABILITIES: Readonly<ErrorProbabilities> = {
  dropAccents: 0.15,
  upperCase: 0.1,
  lowerCase: 0.04,
  swapNames: 0.03,
  typo: 0.03,
  phoneFormat: 0.35,
  legalFormVariant: 0.5,
  streetAbbreviation: 0.3,
  missingField: 0.05,
  stale: 0.3,
  nickname: 0.04,
  givenNameVariant: 0.2,
  maidenName: 0.15,
  dateSwap: 0.03,
  genericEmail: 0.15,
  sharedSwitchboard: 0.3,
  placeholder: 0.01,
  postalCodeLeadingZero: 0.03,
  cityVariant: 0.12,
  identifierTypo: 0.015,
  identifierFormat: 0.2,
  civilityVariant: 0.25,
  fullNameSurnameFirst: 0.35,
};

export const SOURCES = ['erp', 'crm', 'ecommerce', 'forms'] as const;
export type SourceName = (typeof SOURCES)[number];

/** How noisy each source is, relative to the base probabilities: the ERP is controlled, web forms are typed by anyone. */
export const SOURCE_NOISE: Readonly<Record<SourceName, number>> = { erp: 0.4, crm: 1, ecommerce: 0.7, forms: 1.5 };

/** The effective probabilities of one source: base × source noise × errorRate, capped at 1. */
export function effectiveProbabilities(base: ErrorProbabilities, source: SourceName, errorRate: number): ErrorProbabilities {
  const factor = SOURCE_NOISE[source] * errorRate;
  const out = { ...base };
  for (const key of Object.keys(out) as (keyof ErrorProbabilities)[]) out[key] = Math.min(1, base[key] * factor);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Typos on an AZERTY keyboard

const AZERTY_ROWS = ['azertyuiop', 'qsdfghjklm', 'wxcvbn'];
const NEIGHBOURS: Record<string, string> = (() => {
  const map: Record<string, string> = {};
  AZERTY_ROWS.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      let n = '';
      if (i > 0) n += row[i - 1];
      if (i < row.length - 1) n += row[i + 1];
      for (const other of [AZERTY_ROWS[r - 1], AZERTY_ROWS[r + 1]]) {
        if (!other) continue;
        if (other[i]) n += other[i];
        if (other[i - 1] && r > 0) n += other[i - 1];
        if (other[i + 1] && r < 2) n += other[i + 1];
      }
      map[row[i]] = n;
    }
  });
  return map;
})();

/** The AZERTY keys next to a letter (lower case), for keyboard-neighbour typos. */
export function keyboardNeighbours(letter: string): string {
  return NEIGHBOURS[letter.toLowerCase()] ?? '';
}

export type TypoKind = 'insertion' | 'deletion' | 'substitution' | 'transposition' | 'neighbour';
const TYPO_KINDS: readonly TypoKind[] = ['insertion', 'deletion', 'substitution', 'transposition', 'neighbour', 'neighbour'];

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 192;
}

/** One typo in a word: insertion, deletion, substitution, transposition or keyboard-neighbour substitution. */
export function typo(rng: Rng, s: string, kind: TypoKind = rng.pick(TYPO_KINDS)): string {
  if (s.length < 3) return s;
  // Position on a letter, never the first character (people rarely get the first letter wrong).
  let i = 1 + Math.floor(rng.next() * (s.length - 1));
  for (let tries = 0; tries < 4 && !isLetter(s.charCodeAt(i)); tries++) i = 1 + Math.floor(rng.next() * (s.length - 1));
  const ch = s[i];
  const up = ch !== ch.toLowerCase();
  const adapt = (c: string): string => (up ? c.toUpperCase() : c);
  switch (kind) {
    case 'insertion': {
      const n = keyboardNeighbours(ch);
      const extra = n && rng.chance(0.5) ? rng.pick([...n]) : ch.toLowerCase();
      return s.slice(0, i) + adapt(extra) + s.slice(i);
    }
    case 'deletion':
      return s.slice(0, i) + s.slice(i + 1);
    case 'substitution': {
      const c = String.fromCharCode(97 + Math.floor(rng.next() * 26));
      return s.slice(0, i) + adapt(c) + s.slice(i + 1);
    }
    case 'transposition':
      if (i >= s.length - 1) i = s.length - 2;
      if (i < 1) return s;
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    case 'neighbour': {
      const n = keyboardNeighbours(ch);
      if (!n) return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + adapt(rng.pick([...n])) + s.slice(i + 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Phones

export const PHONE_FORMATS = ['spaced', 'compact', 'dotted', 'dashed', 'intlSpaced', 'intlCompact', 'intl00', 'intlParen'] as const;
export type PhoneFormat = (typeof PHONE_FORMATS)[number];

function pairs(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i += 2) out += (i ? sep : '') + digits.slice(i, i + 2);
  return out;
}

/**
 * Writes a French national number (10 digits, leading 0) in one of the formats found in the wild:
 * "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78",
 * "+33612345678", "0033612345678", "+33 (0)6 12 34 56 78". Overseas numbers get their own
 * calling code ("+262 692 12 34 56").
 */
export function formatPhone(national: string, format: PhoneFormat): string {
  if (!/^0\d{9}$/.test(national)) return national;
  const cc = callingCodeOf(national);
  const rest = national.slice(1);
  const overseas = cc !== '33';
  const head = overseas ? rest.slice(0, 3) : rest.slice(0, 1);
  const tail = overseas ? rest.slice(3) : rest.slice(1);
  switch (format) {
    case 'spaced':
      return pairs(national, ' ');
    case 'compact':
      return national;
    case 'dotted':
      return pairs(national, '.');
    case 'dashed':
      return pairs(national, '-');
    case 'intlSpaced':
      return `+${cc} ${head} ${pairs(tail, ' ')}`;
    case 'intlCompact':
      return `+${cc}${rest}`;
    case 'intl00':
      return `00${cc}${rest}`;
    case 'intlParen':
      return `+${cc} (0)${head} ${pairs(tail, ' ')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Names

/** Variants of a compound given name: "Jean-Pierre" → "Jean Pierre", "J.-P.", "Jean", "Jean-P.". */
export function givenNameVariant(rng: Rng, name: string): string {
  const parts = name.split('-');
  if (parts.length < 2) return name;
  const r = rng.next();
  if (r < 0.5) return parts.join(' ');
  if (r < 0.7) return parts.map((p) => `${p.charAt(0)}.`).join('-');
  if (r < 0.9) return parts[0];
  return `${parts[0]}-${parts[1].charAt(0)}.`;
}

/** A diminutive of the given name, if one is known. */
export function nickname(rng: Rng, name: string): string | undefined {
  const options = NICKNAMES[name];
  return options ? rng.pick(options) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Companies, addresses, identifiers

/** Writes the legal form into a company name: "SARL Dupont", "Dupont SARL", "Dupont S.A.R.L.", "Ste Dupont", "Société Dupont". */
export function legalFormInName(rng: Rng, name: string, legalForm: string): string {
  if (legalForm === 'association') return rng.chance(0.5) ? `Association ${name}` : rng.chance(0.5) ? `Asso ${name}` : name;
  if (legalForm === 'EI' || legalForm === 'EIRL') return rng.chance(0.6) ? `${name} ${legalForm}` : `${name} (${legalForm})`;
  const dotted = DOTTED_LEGAL_FORMS[legalForm] ?? legalForm;
  const r = rng.next();
  if (r < 0.25) return `${legalForm} ${name}`;
  if (r < 0.45) return `${name} ${legalForm}`;
  if (r < 0.6) return `${name} ${dotted}`;
  if (r < 0.68) return `${dotted} ${name}`;
  if (r < 0.78) return `Ste ${name}`;
  if (r < 0.84) return `Sté ${name}`;
  if (r < 0.92) return `Société ${name}`;
  if (r < 0.96) return `${name} (${legalForm})`;
  return `${name}, ${legalForm}`;
}

/** "Saint" → "St", "Sainte" → "Ste", "Général" → "Gal", "Docteur" → "Dr", "Maréchal" → "Mal". */
export function abbreviateWords(s: string): string {
  return s
    .replace(/\bSainte\b/g, 'Ste')
    .replace(/\bSaint\b/g, 'St')
    .replace(/\bGénéral\b/g, 'Gal')
    .replace(/\bDocteur\b/g, 'Dr')
    .replace(/\bMaréchal\b/g, 'Mal');
}

/** City variants: "Saint-Étienne" → "St-Étienne", "Paris" (75015) → "Paris 15e", "Lyon" → "Lyon Cedex 03". */
export function cityVariant(rng: Rng, city: string, postalCode: string, business = false): string {
  const arrondissement = /^(75|69|13)0(\d\d)$/.exec(postalCode);
  const r = rng.next();
  if (arrondissement && r < 0.6) {
    const n = Number(arrondissement[2]);
    return rng.chance(0.5) ? `${city} ${n}${n === 1 ? 'er' : 'e'}` : `${city} ${String(n).padStart(2, '0')}`;
  }
  if (/\bSaint|Sainte\b/.test(city) && r < 0.8) return city.replace(/\bSainte\b/, 'Ste').replace(/\bSaint\b/, 'St');
  if (business && r < 0.5) return `${city} Cedex${rng.chance(0.5) ? '' : ` ${String(rng.int(1, 9)).padStart(2, '0')}`}`;
  if (city.includes('-')) return city.replace(/-/g, ' ');
  return city.toUpperCase();
}

/** One digit of an identifier mistyped, or two adjacent digits swapped. */
export function identifierTypo(rng: Rng, digits: string): string {
  if (digits.length < 2) return digits;
  const i = Math.floor(rng.next() * (digits.length - 1));
  if (rng.chance(0.5) && digits[i] !== digits[i + 1]) return digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
  const d = (Number(digits[i]) + rng.int(1, 9)) % 10;
  return digits.slice(0, i) + String(d) + digits.slice(i + 1);
}

/** "12345678900012" → "123 456 789 00012"; SIREN "123456789" → "123 456 789". */
export function spacedIdentifier(digits: string): string {
  if (digits.length === 14) return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`;
  if (digits.length === 9) return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return digits;
}

/** NAF code formats: "62.01Z" → "6201Z", "62.01 Z", "6201z". */
export function nafVariant(rng: Rng, naf: string): string {
  const compact = naf.replace('.', '');
  const r = rng.next();
  if (r < 0.6) return compact;
  if (r < 0.8) return `${naf.slice(0, 5)} ${naf.slice(5)}`;
  return compact.toLowerCase();
}

/** Swaps day and month of an ISO date when the result is still a valid date. */
export function swapDayMonth(iso: string): string {
  const day = iso.slice(8, 10);
  const month = iso.slice(5, 7);
  if (Number(day) > 12 || day === month) return iso;
  return `${iso.slice(0, 4)}-${day}-${month}`;
}

export function dropAccents(s: string): string {
  return stripAccents(s);
}
