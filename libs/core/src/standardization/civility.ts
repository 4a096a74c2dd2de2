import { fold } from './text';

/** Civilities in their normalized written form. */
export const CIVILITIES = ['M.', 'Mme', 'Mlle', 'Dr', 'Me', 'Pr', 'M. et Mme'] as const;
export type Civility = (typeof CIVILITIES)[number];

/** Folded spelling (dots and spaces dropped) -> civility. */
const SPELLINGS: Record<string, Civility> = {
  m: 'M.', mr: 'M.', monsieur: 'M.', mister: 'M.', sir: 'M.', msieur: 'M.',
  mme: 'Mme', madame: 'Mme', mrs: 'Mme', ms: 'Mme', mmes: 'Mme', mdame: 'Mme',
  mlle: 'Mlle', melle: 'Mlle', mademoiselle: 'Mlle', miss: 'Mlle', mlles: 'Mlle',
  dr: 'Dr', docteur: 'Dr', doctor: 'Dr', doc: 'Dr',
  me: 'Me', maitre: 'Me', mtre: 'Me',
  pr: 'Pr', professeur: 'Pr', prof: 'Pr', professor: 'Pr',
  metmme: 'M. et Mme', mrmme: 'M. et Mme', monsieuretmadame: 'M. et Mme', mretmme: 'M. et Mme', mrandmrs: 'M. et Mme',
  mmme: 'M. et Mme',
};

function key(text: string): string {
  return fold(text.replace(/&/g, ' et ')).replace(/\s+/g, '');
}

/** "Monsieur", "MR", "m." -> 'M.'; undefined when the text is not a civility. */
export function normalizeCivility(text: string): Civility | undefined {
  if (text.length > 40) return undefined;
  return SPELLINGS[key(text)];
}

// Longest spellings first, so "M. et Mme" wins over "M.", and "Mme" over "M".
const PREFIX =
  /^(monsieur\s+et\s+madame|m(?:r|\.)?\s*(?:et|&)\s*mme|mr\s*(?:and|&)\s*mrs|monsieur|madame|mademoiselle|docteur|ma[iî]tre|professeur|mmes?|mlles?|melle|mrs|mr|ms|miss|dr|me|pr|prof|m)(\.?)(?=\s|$)/i;

/**
 * Splits a civility off the start of a name: "Mme Marie Martin" -> { civility: 'Mme', rest: 'Marie Martin' }.
 * A name that is only a civility ("Monsieur", "Mme") gives an empty rest: a civility typed in the
 * wrong box. "M" and "M." alone are left alone: they may be an initial.
 */
export function extractCivility(name: string): { civility: Civility; rest: string } | undefined {
  const m = PREFIX.exec(name);
  if (!m) return undefined;
  const civility = normalizeCivility(m[1]);
  if (!civility) return undefined;
  const rest = name.slice(m[0].length).replace(/^[\s,.;:-]+/, '').trim();
  if (rest === '') return key(m[1]) === 'm' ? undefined : { civility, rest };
  // What follows must hold a real name (two letters or more), not only initials.
  return /\p{L}{2,}/u.test(rest) ? { civility, rest } : undefined;
}
