import { asciiPunctuation, fold } from './text';

/**
 * French legal forms, by normalized abbreviation. Each is recognized in its abbreviated form
 * (with or without dots: "SARL", "S.A.R.L.", "Sarl") and in its long form.
 */
export const LEGAL_FORMS = [
  'SA', 'SAS', 'SASU', 'SARL', 'EURL', 'SNC', 'SCI', 'SCOP', 'SCA', 'SCS', 'SCM', 'SCP', 'SELARL', 'SELAS', 'SELAFA',
  'SEM', 'EI', 'EIRL', 'GIE', 'GAEC', 'EARL', 'Association',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

const LONG_FORMS: Record<string, LegalForm> = {
  'societe anonyme': 'SA',
  'societe par actions simplifiee': 'SAS',
  'societe par actions simplifiee unipersonnelle': 'SASU',
  'societe a responsabilite limitee': 'SARL',
  'entreprise unipersonnelle a responsabilite limitee': 'EURL',
  'societe en nom collectif': 'SNC',
  'societe civile immobiliere': 'SCI',
  'societe cooperative et participative': 'SCOP',
  'societe cooperative ouvriere de production': 'SCOP',
  'societe en commandite par actions': 'SCA',
  'societe en commandite simple': 'SCS',
  'societe civile de moyens': 'SCM',
  'societe civile professionnelle': 'SCP',
  'societe d exercice liberal a responsabilite limitee': 'SELARL',
  'societe d economie mixte': 'SEM',
  'entreprise individuelle': 'EI',
  'entreprise individuelle a responsabilite limitee': 'EIRL',
  'groupement d interet economique': 'GIE',
  'association': 'Association',
  'association loi 1901': 'Association',
  'association loi de 1901': 'Association',
  'assoc': 'Association',
  'asso': 'Association',
};

const ABBREVIATIONS: Record<string, LegalForm> = Object.fromEntries(
  LEGAL_FORMS.filter((f) => f !== 'Association').map((f) => [f.toLowerCase(), f]),
);

/** Folded text (dots dropped inside abbreviations: "s.a.r.l." -> "sarl") -> legal form. */
export function normalizeLegalForm(text: string): LegalForm | undefined {
  if (text.length > 80) return undefined;
  const compact = fold(text.replace(/\./g, '')).replace(/\s+/g, '');
  const abbreviation = ABBREVIATIONS[compact];
  if (abbreviation) return abbreviation;
  return LONG_FORMS[fold(text)];
}

// An abbreviation written with optional dots between letters ("S.A.R.L."), as a whole word.
function abbreviationPattern(form: string): string {
  return form
    .split('')
    .map((c) => `${c}\\.?`)
    .join('');
}

const ABBREVIATION_ALTERNATIVES = [...LEGAL_FORMS.filter((f) => f !== 'Association')]
  .sort((a, b) => b.length - a.length)
  .map(abbreviationPattern)
  .join('|');
const LONG_ALTERNATIVES = Object.keys(LONG_FORMS)
  .sort((a, b) => b.length - a.length)
  .map((f) => f.replace(/ /g, "[\\s'’-]+").replace(/e/g, '[eéèÉE]').replace(/a(?=[\\[ ]|$)/g, '[aàA]'))
  .join('|');
const FORM = `(?:${ABBREVIATION_ALTERNATIVES}|${LONG_ALTERNATIVES})`;

const SUFFIX = new RegExp(`^(.*?[^\\s,;:/(\\-])[\\s,;:/(\\-]+(${FORM})\\)?$`, 'iu');
const PREFIX = new RegExp(`^\\(?(${FORM})(?:\\)|[\\s,;:/\\-])[\\s,;:/)\\-]*(.+)$`, 'iu');

/** "Ste", "Sté", "Société", "Soc." at the start of a name: generic, dropped from the match form only. */
const COMPANY_WORD = /^(?:st[eé]|soci[eé]t[eé]|soc)\.?\s+/i;

export interface LegalFormSplit {
  name: string;
  forms: LegalForm[];
  /** True when the name starts with "Association": kept in the display name, dropped from the match form. */
  associationPrefix: boolean;
}

/**
 * Separates the legal forms written before or after a name: "SARL Dupont", "Dupont S.A.R.L.",
 * "Dupont (SAS)", "Ste Dupont SARL". Repeats until no form is left at either end, and never
 * leaves an empty name ("SAS" alone stays a name).
 */
export function splitLegalForm(legalName: string): LegalFormSplit {
  let name = legalName;
  const forms: LegalForm[] = [];
  for (let guard = 0; guard < 10; guard++) {
    const suffix = SUFFIX.exec(name);
    if (suffix) {
      const form = normalizeLegalForm(suffix[2]);
      const rest = suffix[1].trim();
      if (form && rest !== '' && /[\p{L}\p{N}]/u.test(rest)) {
        forms.push(form);
        name = rest;
        continue;
      }
    }
    const prefix = PREFIX.exec(name);
    if (prefix) {
      const form = normalizeLegalForm(prefix[1]);
      const rest = prefix[2].trim();
      if (form && form !== 'Association' && rest !== '' && /[\p{L}\p{N}]/u.test(rest)) {
        forms.push(form);
        name = rest;
        continue;
      }
    }
    break;
  }
  const association = /^association\b/i.test(name) && fold(name) !== 'association';
  if (association && !forms.includes('Association')) forms.push('Association');
  return { name, forms, associationPrefix: association };
}

/**
 * Match form of an organization name: folded, legal forms and the generic "Société" dropped,
 * "&" read as "et": "Sté Dupont & Fils S.A.R.L." -> "dupont et fils".
 */
export function legalNameKey(legalName: string): string {
  const split = splitLegalForm(cleanOrgName(legalName));
  let name = split.name;
  if (split.associationPrefix) name = name.replace(/^association\s+(?:(?:des|de|du|d')\s*)?/i, '');
  for (let guard = 0; guard < 3 && COMPANY_WORD.test(name); guard++) {
    const stripped = name.replace(COMPANY_WORD, '');
    if (fold(stripped) === '') break;
    name = splitLegalForm(stripped).name;
  }
  return fold(name.replace(/&/g, ' et ').replace(/\+/g, ' et '));
}

/** Single spaces, ASCII apostrophes; case kept (company names are brands). */
export function cleanOrgName(legalName: string): string {
  return asciiPunctuation(legalName).replace(/\s+/g, ' ').trim();
}
