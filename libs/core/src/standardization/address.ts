import { FRENCH_POSTAL_COUNTRIES } from './countries';
import { asciiPunctuation, untilStable, capitalize, fold, isAllLower, isAllUpper, properWord, mapWordParts } from './text';

/** Street-type abbreviations (folded, dot dropped) -> full word, applied to the first word of the street. */
export const STREET_TYPES: Record<string, string> = {
  r: 'Rue', rue: 'Rue',
  bd: 'Boulevard', bld: 'Boulevard', blvd: 'Boulevard', bvd: 'Boulevard', boul: 'Boulevard', boulev: 'Boulevard', boulevard: 'Boulevard',
  av: 'Avenue', ave: 'Avenue', aven: 'Avenue', avn: 'Avenue', avenue: 'Avenue',
  pl: 'Place', place: 'Place',
  rte: 'Route', route: 'Route',
  imp: 'Impasse', impasse: 'Impasse',
  fg: 'Faubourg', fbg: 'Faubourg', faub: 'Faubourg', faubourg: 'Faubourg',
  ch: 'Chemin', chem: 'Chemin', chemin: 'Chemin',
  all: 'Allée', allee: 'Allée',
  crs: 'Cours', cours: 'Cours',
  qu: 'Quai', qua: 'Quai', quai: 'Quai',
  sq: 'Square', square: 'Square',
  res: 'Résidence', resid: 'Résidence', residence: 'Résidence',
  lot: 'Lotissement', lotiss: 'Lotissement', lotissement: 'Lotissement',
  zi: 'Zone Industrielle', za: 'Zone Artisanale', zac: "Zone d'Aménagement Concerté", zae: "Zone d'Activités Économiques",
  pass: 'Passage', passage: 'Passage',
  sen: 'Sentier', sentier: 'Sentier',
  prom: 'Promenade', promenade: 'Promenade',
  cite: 'Cité', cte: 'Cité',
  ham: 'Hameau', hameau: 'Hameau',
  ld: 'Lieu-dit', lieudit: 'Lieu-dit',
  mte: 'Montée', montee: 'Montée',
  rle: 'Ruelle', ruelle: 'Ruelle',
  vla: 'Villa', villa: 'Villa',
  esp: 'Esplanade', esplanade: 'Esplanade',
  carr: 'Carrefour', carrefour: 'Carrefour',
  rpt: 'Rond-point', rdpt: 'Rond-point',
  parv: 'Parvis', parvis: 'Parvis',
  tsse: 'Terrasse', terrasse: 'Terrasse',
  sent: 'Sentier',
  traverse: 'Traverse', tra: 'Traverse',
};

/** Lower-case words inside a street or city name (after the first word). */
const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', "l'", "d'", 'a', 'à', 'au', 'aux', 'et', 'en', 'sur', 'sous', 'lès', 'lez', 'les', 'dit', 'dite']);

/** Common address words whose accents are often lost in upper-case files. */
const ACCENTED: Record<string, string> = {
  allee: 'Allée', residence: 'Résidence', cite: 'Cité', montee: 'Montée', general: 'Général', marechal: 'Maréchal',
  republique: 'République', liberation: 'Libération', eglise: 'Église', chateau: 'Château', hotel: 'Hôtel',
  prefecture: 'Préfecture', ecole: 'École', college: 'Collège', lycee: 'Lycée', ecoles: 'Écoles', fosse: 'Fossé',
  president: 'Président', federation: 'Fédération', pre: 'Pré', pres: 'Prés', foret: 'Forêt', cote: 'Côte', quatre: 'Quatre',
  freres: 'Frères', genets: 'Genêts', chenes: 'Chênes', peupliers: 'Peupliers', tilleuls: 'Tilleuls', vallee: 'Vallée',
  eveche: 'Évêché', abbe: 'Abbé', marche: 'Marché', neuve: 'Neuve', moulin: 'Moulin', theatre: 'Théâtre',
};

const ROMAN = /^(?=[IVX]{2,})X{0,3}(IX|IV|V?I{0,3})$/;

/** Display case of one address word: small words lower, accents restored for a few common words, Roman numerals kept. */
function caseAddressWord(word: string, index: number): string {
  if (ROMAN.test(word)) return word;
  const lower = word.toLowerCase();
  if (index > 0 && SMALL_WORDS.has(lower)) return lower;
  if (index > 0 && /^[ld]'./i.test(word)) return `${lower[0]}'${mapWordParts(word.slice(2), (p) => properWord(p))}`;
  if ((isAllUpper(word) || isAllLower(word)) && ACCENTED[lower] !== undefined) return ACCENTED[lower];
  return mapWordParts(word, (p) => (isAllUpper(p) || isAllLower(p) ? (ACCENTED[p.toLowerCase()] ?? properWord(p)) : p));
}

/** "Saint" and "Sainte" are hyphenated to the name they introduce: "Rue St Jacques" -> "Rue Saint-Jacques". */
function joinSaints(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const folded = fold(words[i]);
    const saint = folded === 'st' || folded === 'saint' ? 'Saint' : folded === 'ste' || folded === 'sainte' ? 'Sainte' : undefined;
    const next = words[i + 1];
    if (saint && next !== undefined && /^\p{L}/u.test(next) && !SMALL_WORDS.has(next.toLowerCase()) && i > 0) {
      out.push(`${saint}-${next}`);
      i++;
    } else {
      out.push(words[i]);
    }
  }
  return out;
}

/** "D OLONNE" -> "d'OLONNE": an apostrophe lost in an upper-case file, from word `from` on. */
function joinElisions(words: string[], from = 1): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (i >= from && /^[dl]$/i.test(words[i]) && next !== undefined && /^\p{L}{2,}/u.test(next)) {
      out.push(`${words[i].toLowerCase()}'${next}`);
      i++;
    } else {
      out.push(words[i]);
    }
  }
  return out;
}

export interface StreetSplit {
  street: string;
  houseNumber?: string;
}

const SUFFIXES: Record<string, string> = { bis: 'bis', b: 'bis', ter: 'ter', t: 'ter', quater: 'quater', q: 'quater', quinquies: 'quinquies' };
// Single-letter suffixes: b(is), t(er), q(uater) and building letters a-d; not N/S/E/W, which start street names abroad.
const HOUSE_NUMBER = /^(\d{1,5}(?:\s*[-/]\s*\d{1,5})?)(?:\s*(bis|ter|quater|quinquies|[a-dtq])\b\.?)?[\s,]*(.*)$/i;

/** "12B" -> "12 bis", "12 BIS" -> "12 bis", "12 a" -> "12 A", "12 - 14" -> "12-14". */
export function normalizeHouseNumber(text: string): string {
  const m = /^(\d{1,5}(?:\s*[-/]\s*\d{1,5})?)\s*(bis|ter|quater|quinquies|[a-z])?\.?$/i.exec(text.trim());
  if (!m) return text.trim();
  const number = m[1].replace(/\s+/g, '');
  if (m[2] === undefined) return number;
  const suffix = SUFFIXES[m[2].toLowerCase()];
  return `${number} ${suffix ?? m[2].toUpperCase()}`;
}

/**
 * Splits the house number off the street: "12 bis rue de la Paix" -> "12 bis" + "rue de la Paix".
 * With a house number already given, the same number at the start of the street is removed
 * (repeatedly, so that "12 12 rue" settles at once).
 */
export function splitHouseNumber(street: string, houseNumber?: string): StreetSplit {
  let number = houseNumber !== undefined ? normalizeHouseNumber(houseNumber) : undefined;
  let rest = street;
  if (number === undefined || number === '') {
    const m = HOUSE_NUMBER.exec(rest);
    // A single letter after the number is a suffix only when a street name follows it.
    if (m && m[3] !== '' && /\p{L}/u.test(m[3])) {
      number = normalizeHouseNumber(m[2] !== undefined ? `${m[1]} ${m[2]}` : m[1]);
      rest = m[3];
    } else {
      number = undefined;
    }
  }
  for (let guard = 0; guard < 10 && number !== undefined; guard++) {
    const m = HOUSE_NUMBER.exec(rest);
    if (!m || m[3] === '' || !/\p{L}/u.test(m[3])) break;
    const found = normalizeHouseNumber(m[2] !== undefined ? `${m[1]} ${m[2]}` : m[1]);
    if (found !== number) break;
    rest = m[3];
  }
  return number !== undefined && number !== '' ? { street: rest, houseNumber: number } : { street: rest };
}

/**
 * Display form of a street (house number already split off): first word expanded when it is a
 * street-type abbreviation, "St"/"Ste" read as Saint/Sainte, words in display case:
 * "BD ST GERMAIN" -> "Boulevard Saint-Germain", "av. de la republique" -> "Avenue de la République".
 */
export function displayStreet(street: string, french: boolean): string {
  let words = asciiPunctuation(street).split(' ').filter((w) => w !== '');
  if (words.length === 0) return '';
  if (french) {
    const first = fold(words[0].replace(/\.$/, '')).replace(/\s+/g, '');
    const expanded = words.length > 1 || first.length > 3 ? STREET_TYPES[first] : undefined;
    if (expanded && (isAllUpper(words[0]) || isAllLower(words[0]) || /\.$/.test(words[0]) || first.length <= 4)) {
      words = [...expanded.split(' '), ...words.slice(1)];
    }
    words = joinSaints(joinElisions(words));
  }
  return words.map((w, i) => caseAddressWord(w, i)).join(' ').normalize('NFC');
}

/** Match form of a street: folded, "saint" and "sainte" kept whole. */
export function streetKey(street: string): string {
  return fold(street);
}

/** Countries' postal code shapes that are checked; other countries are not checked. */
const POSTAL_PATTERNS: Record<string, RegExp> = {
  FR: /^((0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-8]\d{2}|98\d{3})$/,
  MC: /^980\d{2}$/,
  BE: /^[1-9]\d{3}$/,
  CH: /^[1-9]\d{3}$/,
  LU: /^\d{4}$/,
  AT: /^\d{4}$/,
  DK: /^\d{4}$/,
  DE: /^\d{5}$/,
  ES: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
  IT: /^\d{5}$/,
  NL: /^[1-9]\d{3} ?[A-Z]{2}$/,
  PT: /^\d{4}-\d{3}$/,
  US: /^\d{5}(-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
};

export interface PostalCodeResult {
  value: string;
  valid: boolean | undefined;
  correction?: 'padded' | 'corsica';
}

/**
 * French postal codes: spaces and "F-" prefix removed, a 4-digit code padded (a spreadsheet ate
 * the leading zero), Corsican department codes 2A/2B written 20. Other countries: upper case and
 * single spaces, checked when their shape is known; `valid` is undefined when not checked.
 */
export function normalizePostalCode(text: string, country: string): PostalCodeResult {
  let value = text.trim().toUpperCase().replace(/\s+/g, ' ');
  const french = FRENCH_POSTAL_COUNTRIES.has(country);
  if (french) {
    const compact = value.replace(/^(F|FR)\s*-\s*/, '').replace(/[\s.]+/g, '');
    if (/^2[AB]\d{3}$/.test(compact)) return { value: `20${compact.slice(2)}`, valid: true, correction: 'corsica' };
    if (/^\d{4}$/.test(compact) && country === 'FR') {
      const padded = `0${compact}`;
      return { value: padded, valid: POSTAL_PATTERNS.FR.test(padded), correction: 'padded' };
    }
    if (/^\d{5}$/.test(compact)) value = compact;
  } else if (country === 'LU' || country === 'BE' || country === 'CH' || country === 'DE' || country === 'AT') {
    value = value.replace(/^[A-Z]{1,2}\s*-\s*(?=\d)/, '');
  }
  const pattern = french ? POSTAL_PATTERNS.FR : POSTAL_PATTERNS[country];
  return { value, valid: pattern ? pattern.test(value) : undefined };
}

const CEDEX = /(?:^|[\s-]+)c[ée]dex(?:\s*(\d{1,3}))?\s*$/i;

/** "PARIS CEDEX 08" -> { city: "PARIS", cedex: "CEDEX 08" }. */
export function splitCedex(text: string): { rest: string; cedex?: string } {
  let rest = text;
  let cedex: string | undefined;
  for (let m = CEDEX.exec(rest); m; m = CEDEX.exec(rest)) {
    cedex ??= m[1] ? `CEDEX ${m[1]}` : 'CEDEX';
    rest = rest.slice(0, m.index).trim();
  }
  return cedex === undefined ? { rest: text } : { rest, cedex };
}

const CITY_ARTICLES = new Set(['le', 'la', 'les', "l'"]);

/**
 * Display form of a city. French cities: "st"/"ste" -> Saint/Sainte, words joined by hyphens except
 * after a leading article ("LA ROCHE SUR YON" -> "La Roche-sur-Yon", "ST ETIENNE" -> "Saint-Etienne");
 * accents are not restored. Other countries: display case only.
 */
export function displayCity(city: string, french: boolean): string {
  const text = untilStable(asciiPunctuation(city), (v) => v.replace(/(^|\s)s\s*\/\s*/gi, '$1sur ')).trim();
  if (!french || /[^\p{L}\s'-]/u.test(text)) {
    return text
      .split(' ')
      .filter((w) => w !== '')
      .map((w, i) => (i === 0 || !SMALL_WORDS.has(w.toLowerCase()) ? mapWordParts(w, (p) => properWord(p)) : w.toLowerCase()))
      .join(' ')
      .normalize('NFC');
  }
  // Tokens between spaces and hyphens; "s/" (sur) is spelled out.
  const words = joinElisions(text.split(/[\s-]+/).filter((w) => w !== ''), 0);
  const cased = words.map((w, i) => {
    const folded = fold(w);
    if (folded === 'st' || folded === 'saint') return 'Saint';
    if (folded === 'ste' || folded === 'sainte') return 'Sainte';
    const lower = w.toLowerCase();
    if (i > 0 && (SMALL_WORDS.has(lower) || CITY_ARTICLES.has(lower))) return lower;
    if (i > 0 && /^[ld]'./i.test(w)) return `${lower[0]}'${mapWordParts(w.slice(2), (p) => properWord(p))}`;
    return mapWordParts(w, (p) => properWord(p));
  });
  if (cased.length === 0) return '';
  const leadingArticle = CITY_ARTICLES.has(cased[0].toLowerCase()) && cased.length > 1;
  const head = leadingArticle ? `${capitalize(cased[0].toLowerCase())} ` : '';
  const body = leadingArticle ? cased.slice(1) : cased;
  return (head + body.join('-')).normalize('NFC');
}

/** Match form of a city: folded, CEDEX and arrondissement dropped: "Paris Cedex 08" / "PARIS 8E" -> "paris". */
export function cityKey(city: string): string {
  return fold(splitCedex(city).rest)
    .replace(/\s+\d{1,2}\s*(e|er|eme|ieme)?(\s+arrondissement)?$/, '')
    .trim();
}
