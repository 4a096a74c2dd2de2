import { Civility, extractCivility } from './civility';
import { isCommonGivenName } from './given-names';
import { asciiPunctuation, fold, isAllUpper, mapWordParts, properWord } from './text';

/** Particles written in lower case inside a surname: "Jean de La Fontaine" is written "Jean de la Fontaine" here. */
const PARTICLES = new Set(['de', 'du', 'des', "d'"]);
const ARTICLES_AFTER_PARTICLE = new Set(['la', 'le', 'les', "l'"]);

/** Words linking a usage name to a birth name: "Martin née Durand", "Durand épouse Martin". */
const BIRTH_NAME_AFTER: Record<string, string> = { nee: 'née', ne: 'né' };
const BIRTH_NAME_BEFORE: Record<string, string> = { epouse: 'épouse', ep: 'ép.', epse: 'épouse', veuve: 'veuve', vve: 'veuve' };

/** "J", "J.", "J.-P.", "J-P". */
function isInitial(token: string): boolean {
  return /^\p{L}\.?(-\p{L}\.?)*$/u.test(token);
}

/** Display case of one name token at a position. */
function caseToken(token: string, index: number, previous: string | undefined, count: number): string {
  const folded = fold(token);
  const linker = folded.replace(/\s+/g, '');
  if (index > 0 && index < count - 1 && BIRTH_NAME_AFTER[linker] !== undefined) return BIRTH_NAME_AFTER[linker];
  if (index > 0 && index < count - 1 && BIRTH_NAME_BEFORE[linker] !== undefined) return BIRTH_NAME_BEFORE[linker];
  if (count > 1) {
    const lower = token.toLowerCase();
    if (PARTICLES.has(lower) && index < count - 1) return lower;
    if (ARTICLES_AFTER_PARTICLE.has(lower) && previous !== undefined && PARTICLES.has(previous.toLowerCase()) && index < count - 1) return lower;
    // "d'Artagnan", "D'ARTAGNAN" -> particle kept lower, the rest capitalized.
    const elided = /^([dD])'(.+)$/.exec(token);
    if (elided && index > 0) return `d'${mapWordParts(elided[2], (p) => properWord(p))}`;
  }
  return mapWordParts(token, (part) => properWord(part));
}

/**
 * Display form of a person name: single spaces, ASCII apostrophes, words in "Capitalized" case
 * unless written in mixed case, particles and "née" in lower case: "JEAN-PIERRE DE LA FONTAINE" ->
 * "Jean-Pierre de la Fontaine".
 */
export function displayPersonName(name: string): string {
  const tokens = asciiPunctuation(name).split(' ').filter((t) => t !== '');
  const out = tokens.map((t, i) => caseToken(t, i, tokens[i - 1], tokens.length));
  return out.join(' ').normalize('NFC');
}

export interface BirthNameSplit {
  usageName: string;
  birthName?: string;
}

/** "Martin née Durand" -> usage Martin, birth Durand; "Durand épouse Martin" -> usage Martin, birth Durand. */
export function splitBirthName(lastName: string): BirthNameSplit {
  const tokens = lastName.split(' ');
  for (let i = 1; i < tokens.length - 1; i++) {
    const linker = fold(tokens[i]).replace(/\s+/g, '');
    if (BIRTH_NAME_AFTER[linker] !== undefined) {
      return { usageName: tokens.slice(0, i).join(' '), birthName: tokens.slice(i + 1).join(' ') };
    }
    if (BIRTH_NAME_BEFORE[linker] !== undefined) {
      return { usageName: tokens.slice(i + 1).join(' '), birthName: tokens.slice(0, i).join(' ') };
    }
  }
  return { usageName: lastName };
}

/** Strips every civility at the start of a name; the first one found is the name's civility. */
export function stripCivilities(name: string): { civilities: Civility[]; rest: string } {
  const civilities: Civility[] = [];
  let rest = name;
  for (let guard = 0; guard < 20; guard++) {
    const found = extractCivility(rest);
    if (!found) break;
    civilities.push(found.civility);
    rest = found.rest;
    if (rest === '') break;
  }
  return { civilities, rest };
}

export interface NameParts {
  firstName?: string;
  lastName?: string;
}

function isGivenToken(token: string): boolean {
  return isInitial(token) || isCommonGivenName(fold(token));
}

function isParticle(token: string): boolean {
  return PARTICLES.has(token.toLowerCase()) || /^d'/i.test(token);
}

function isUpperToken(token: string): boolean {
  return isAllUpper(token) && (token.match(/\p{L}/gu) ?? []).length >= 2;
}

/**
 * Splits a full name into given name and surname. Cues, in order: a comma ("Dupont, Jean"), the
 * French habit of writing the surname in capitals ("DUPONT Jean", "Jean de LA FONTAINE"), then
 * the list of common given names at either end ("Dupont Jean Pierre"). A single word is not split.
 */
export function splitFullName(fullName: string): NameParts | undefined {
  const text = asciiPunctuation(fullName);
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const first = text.slice(comma + 1).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
    if (last !== '' && first !== '') return { lastName: last, firstName: first };
  }
  const tokens = text.split(' ').filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (tokens.length < 2) return undefined;

  const byCase = splitByCapitals(tokens);
  if (byCase) return byCase;

  const givenFirst = leadingGivenRun(tokens);
  const givenLast = trailingGivenRun(tokens);
  const firstIsGiven = givenFirst > 0;
  const lastIsGiven = givenLast > 0 && !isParticle(tokens[tokens.length - 1]);
  if (lastIsGiven && !firstIsGiven) {
    const cut = tokens.length - givenLast;
    return { lastName: tokens.slice(0, cut).join(' '), firstName: tokens.slice(cut).join(' ') };
  }
  const cut = Math.max(1, givenFirst);
  return { firstName: tokens.slice(0, cut).join(' '), lastName: tokens.slice(cut).join(' ') };
}

/** Number of leading given-name tokens, leaving at least one token for the surname and stopping at a particle. */
function leadingGivenRun(tokens: string[]): number {
  let n = 0;
  while (n < tokens.length - 1 && !isParticle(tokens[n]) && isGivenToken(tokens[n])) n++;
  return n;
}

function trailingGivenRun(tokens: string[]): number {
  let n = 0;
  while (n < tokens.length - 1 && isGivenToken(tokens[tokens.length - 1 - n]) && !isParticle(tokens[tokens.length - 1 - n])) n++;
  // The token before the run must not be a particle: "Jean de Pierre" is Jean + "de Pierre".
  if (n > 0 && isParticle(tokens[tokens.length - 1 - n])) return 0;
  return n;
}

/** "DUPONT Jean", "Jean DUPONT", "Jean de LA FONTAINE": capitals mark the surname. */
function splitByCapitals(tokens: string[]): NameParts | undefined {
  const upper = tokens.map((t) => isUpperToken(t) && !isInitial(t));
  const other = tokens.map((t, i) => !upper[i] && !isParticle(t));
  if (!upper.some(Boolean) || !other.some(Boolean)) return undefined;
  // Surname block at the start: capitals (and particles) then the given names.
  let start = 0;
  while (start < tokens.length && (upper[start] || (isParticle(tokens[start]) && upper.slice(start + 1).some(Boolean)))) start++;
  if (start > 0 && tokens.slice(start).every((_, i) => !upper[start + i])) {
    return { lastName: tokens.slice(0, start).join(' '), firstName: tokens.slice(start).join(' ') };
  }
  // Surname block at the end, with the particles just before it.
  let end = tokens.length;
  while (end > 0 && upper[end - 1]) end--;
  if (end === tokens.length || end === 0) return undefined;
  while (end > 1 && isParticle(tokens[end - 1])) end--;
  if (tokens.slice(0, end).some((t) => isUpperToken(t) && !isInitial(t))) return undefined;
  return { firstName: tokens.slice(0, end).join(' '), lastName: tokens.slice(end).join(' ') };
}

/**
 * Given name and surname look swapped: the surname is a common given name and the given name is
 * not ("Dupont" / "Jean").
 */
export function looksSwapped(firstName: string, lastName: string): boolean {
  const first = fold(firstName);
  const last = fold(splitBirthName(lastName).usageName);
  if (first === '' || last === '') return false;
  return isCommonGivenName(last) && !isCommonGivenName(first) && !/^\p{L}$/u.test(first);
}

/** Match form of a given name: "Jean-Pierre", "Jean Pierre", "JEAN PIERRE" -> "jean pierre"; "J.-P." -> "j p". */
export function givenNameKey(firstName: string): string {
  return fold(firstName);
}

/** Match form of a surname: the usage name, folded. */
export function surnameKeys(lastName: string): { lastName: string; birthName?: string } {
  const split = splitBirthName(asciiPunctuation(lastName));
  const keys: { lastName: string; birthName?: string } = { lastName: fold(split.usageName) };
  if (split.birthName !== undefined && fold(split.birthName) !== '') keys.birthName = fold(split.birthName);
  return keys;
}
