/**
 * How often each surname and given name is drawn. The shares are calibrated on French figures
 * (docs/generator.md, "Name frequencies"): the most common surname, Martin, is borne by about
 * 0.35 % of the population, the 100 most common by about 5–6 %, the 1,000 most common by
 * 15–20 %, and the rest is a very long tail; the most common given names are each borne by 1–2 %
 * of the people of an age group.
 *
 * Surnames are ranked: the head list of names.ts (most common first), then a curated list of real,
 * rarer surnames (data/surnames.ts), then surnames composed from French and regional morphemes,
 * in a fixed pseudo-random order. A rank r has the weight r^-0.5 (Martin's is raised to its real
 * share, and the 1,000 first up to 15 % more); with the ~35,000 names of the space this gives the
 * shares above. The name space is fixed: the seed of a run only changes which names are drawn.
 */
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from './data/names';
import { MORE_SURNAMES, SURNAME_PATTERNS, SurnamePattern } from './data/surnames';
import { Rng, WeightedList } from './prng';

/** Names with a weight per rank (the first name has rank 1); a pick costs one random draw and a binary search. */
export class RankedNames extends WeightedList<string> {
  constructor(
    readonly names: readonly string[],
    weightOfRank: (rank: number) => number,
  ) {
    if (names.length === 0) throw new RangeError('a ranked name list needs at least one name');
    super(names.map((name, i) => [name, weightOfRank(i + 1)] as const));
  }
}

/** Martin's weight over what r^-0.5 gives rank 1: its real share (≈ 0.35 %) over the law's. */
export const SURNAME_TOP_BOOST = 1.4;

/** The 1,000 most common names are up to 15 % more frequent than r^-0.5 says (the real head is steeper than the tail). */
export const SURNAME_HEAD_BOOST = 0.15;
export const SURNAME_HEAD_RANKS = 1_000;

export function surnameWeight(rank: number): number {
  if (rank === 1) return SURNAME_TOP_BOOST;
  return (1 + SURNAME_HEAD_BOOST * Math.max(0, 1 - rank / SURNAME_HEAD_RANKS)) / Math.sqrt(rank);
}

const VOWELS = /[aeiouyéèêëàâîïôûœ]/i;

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Glues a prefix and a suffix; a word after a space is capitalized ("Le Gall", "De La Barre", "Ait
 * Ali"). Undefined when a root ending in a vowel meets a suffix beginning with one ("Chauoux",
 * "Rouiot"): no such surname reads as French.
 */
export function composeSurname(prefix: string, suffix: string, joiner: string): string | undefined {
  const head = prefix + joiner;
  if (head.endsWith(' ')) return head + capitalized(suffix);
  if (VOWELS.test(head.slice(-1)) && VOWELS.test(suffix.charAt(0))) return undefined;
  return head + suffix;
}

function patternNames(pattern: SurnamePattern): string[] {
  const out: string[] = [];
  for (const p of pattern.prefixes) {
    for (const s of pattern.suffixes) {
      const name = composeSurname(p, s, pattern.joiner);
      if (name !== undefined) out.push(name);
    }
  }
  return out;
}

/** A fixed order for the composed names, independent of the run's seed. */
const NAME_SPACE_SEED = 0x5eed_2025;

/** Every surname of the distribution, most common first (built once, on first use). */
export function surnameSpace(): readonly string[] {
  if (cachedSpace) return cachedSpace;
  const seen = new Set<string>();
  const space: string[] = [];
  const add = (name: string) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    space.push(name);
    return true;
  };
  for (const n of SURNAMES) add(n);
  for (const n of MORE_SURNAMES) add(n);
  const composed: string[] = [];
  for (const pattern of SURNAME_PATTERNS) for (const n of patternNames(pattern)) if (!seen.has(n.toLowerCase())) composed.push(n);
  const rng = new Rng(NAME_SPACE_SEED);
  for (let i = composed.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [composed[i], composed[j]] = [composed[j], composed[i]];
  }
  for (const n of composed) add(n);
  cachedSpace = space;
  return space;
}
let cachedSpace: readonly string[] | undefined;

let cachedSurnames: RankedNames | undefined;
export function surnameDistribution(): RankedNames {
  cachedSurnames ??= new RankedNames(surnameSpace(), surnameWeight);
  return cachedSurnames;
}

/**
 * Given names: the lists of names.ts (most common first) with a mild skew, 1/(rank + 8)^0.6: the
 * first name is drawn for about 2 % of its sex, the tenth for about 1.2 %.
 */
export const GIVEN_NAME_OFFSET = 8;
export const GIVEN_NAME_EXPONENT = 0.6;
export function givenNameWeight(rank: number): number {
  return 1 / Math.pow(rank + GIVEN_NAME_OFFSET, GIVEN_NAME_EXPONENT);
}
export const MALE_GIVEN_NAME_LIST = new RankedNames(MALE_GIVEN_NAMES, givenNameWeight);
export const FEMALE_GIVEN_NAME_LIST = new RankedNames(FEMALE_GIVEN_NAMES, givenNameWeight);
