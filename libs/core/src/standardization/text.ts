/**
 * Text hygiene shared by every rule: control characters, invisible characters, odd spaces and
 * lone surrogates go; the result is NFC and has single spaces. Removal happens before NFC so that
 * a second pass cannot compose characters the first pass left apart (idempotence).
 */

// C0/C1 controls (tab, line breaks, NUL included), zero-width characters, bidi marks and the BOM.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are spaces here
const SPACES = /[\t\n\u000b\u000c\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** Values longer than this are cleaned and kept, but no rule parses them (finding VALUE_TOO_LONG). */
export const MAX_PARSED_LENGTH = 500;

export function cleanText(value: string): string {
  return value
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '')
    .replace(SPACES, ' ')
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Typographic apostrophes and dashes turned into ASCII ones, for rules that tokenize. */
export function asciiPunctuation(value: string): string {
  return value.replace(/[\u2018\u2019\u02bc\u00b4\u0060]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-');
}

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i' };

/** Accent-folded, lower-case, punctuation-free: "Lefèvre-D'Août" -> "lefevre d aout". Letters of any script are kept. */
export function fold(value: string): string {
  return cleanText(value)
    .replace(/[œŒæÆßøØłŁđĐı]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Digits only. */
export function digitsOf(value: string): string {
  return value.replace(/\D+/g, '');
}

export function isAllUpper(token: string): boolean {
  return token === token.toUpperCase() && token !== token.toLowerCase();
}

export function isAllLower(token: string): boolean {
  return token === token.toLowerCase() && token !== token.toUpperCase();
}

/** Upper-cases the first character only when that maps to exactly one character ("ß" stays). */
export function capitalize(word: string): string {
  if (word === '') return word;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  return ([...upper].length === 1 ? upper : first) + word.slice(first.length);
}

/**
 * Display case for one word: a word written all upper or all lower becomes "Capitalized"; a word in
 * mixed case ("McDonald", "DuPont") is kept as written.
 */
export function properWord(word: string): string {
  if (isAllUpper(word) || isAllLower(word)) return capitalize(word.toLowerCase());
  // "éLODIE": caps lock on, the accented first letter typed in lower case.
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const tail = word.slice(first.length);
  if (isAllLower(first) && isAllUpper(tail) && (tail.match(/\p{L}/gu) ?? []).length >= 2) return capitalize(word.toLowerCase());
  return word;
}

/** Applies `fn` to each part of a word split on hyphens and apostrophes, separators kept. */
export function mapWordParts(word: string, fn: (part: string, index: number) => string): string {
  const pieces = word.split(/([-'])/);
  let index = 0;
  return pieces.map((p) => (p === '-' || p === "'" || p === '' ? p : fn(p, index++))).join('');
}

/** Applies `step` until the value stops changing (each step must shorten or settle the value). */
export function untilStable(value: string, step: (v: string) => string, limit = 100): string {
  let current = value;
  for (let i = 0; i < limit; i++) {
    const next = step(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}
