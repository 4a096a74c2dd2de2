import { BoundedMemo } from '../matching/memo';

/** Small text helpers shared by the entity generator and the error model. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x20-\x7e]/;
/** Names and cities repeat a lot. */
const accentless = new BoundedMemo<string>(50_000);

/** Removes diacritics ("Lefèvre" → "Lefevre", "Œ" kept as "OE"). */
export function stripAccents(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const cached = accentless.get(s);
  if (cached !== undefined) return cached;
  const out = s
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
  accentless.set(s, out);
  return out;
}

/** Lower-case ASCII slug for email local parts and domains: "Jean-Pierre" → "jean-pierre", "Le Gall" → "legall". */
export function slug(s: string, keepHyphen = true): string {
  const ascii = stripAccents(s).toLowerCase();
  let out = '';
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += ascii[i];
    else if (c === 45 && keepHyphen) out += '-';
  }
  return out.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** Upper-cases with French conventions (accents kept, as most systems do). */
export function upper(s: string): string {
  return s.toUpperCase();
}

/** "jean-pierre" → "Jean-Pierre", "DE LA FONTAINE" → "De La Fontaine". */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Elision of "de" before a vowel or a mute h: "de Lyon", "d'Angers". */
export function deOf(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (name.startsWith('La ')) return `de la ${name.slice(3)}`;
  if (name.startsWith("L'")) return `de l'${name.slice(2)}`;
  return /^[AEIOUY]/i.test(stripAccents(name).charAt(0)) ? `d'${name}` : `de ${name}`;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Civil date (year, month 1–12, day 1–31) of a day count since 1970-01-01 (H. Hinnant's algorithm, no Date object). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO timestamp "YYYY-MM-DDTHH:MM:SSZ" of a day count since the epoch and a second of the day. */
export function isoTimestamp(days: number, secondOfDay: number): string {
  const [y, m, d] = civilFromDays(days);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  const ss = secondOfDay % 60;
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}Z`;
}

/** Number of days in a month (1–12) of a year of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
