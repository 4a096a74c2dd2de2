import { fold } from './text';

/** French and English month names and abbreviations, folded, dots dropped. */
const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aou: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

export type DateParse =
  | { kind: 'date'; iso: string; year: number; month: number; day: number; twoDigitYear: boolean }
  | { kind: 'impossible'; reason: string; suggestion?: string }
  | { kind: 'placeholder'; iso?: string }
  | { kind: 'unrecognized' };

const PLACEHOLDER_DATES = new Set(['1900-01-01', '1899-12-30', '1899-12-31', '9999-12-31', '9999-01-01', '2999-12-31', '1901-01-01', '1800-01-01']);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function build(year: number, month: number, day: number, twoDigitYear: boolean, swappedHint = false): DateParse {
  if (year === 0 && month === 0 && day === 0) return { kind: 'placeholder' };
  if (month < 1 || month > 12) {
    const suggestion = swappedHint && day >= 1 && day <= 12 && month <= daysInMonth(year, day) ? `${pad(year, 4)}-${pad(day, 2)}-${pad(month, 2)}` : undefined;
    return { kind: 'impossible', reason: `month ${month} does not exist`, ...(suggestion ? { suggestion } : {}) };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { kind: 'impossible', reason: `day ${day} does not exist in ${pad(year, 4)}-${pad(month, 2)}` };
  }
  if (year < 1 || year > 9999) return { kind: 'impossible', reason: `year ${year} is out of range` };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (PLACEHOLDER_DATES.has(iso)) return { kind: 'placeholder', iso };
  return { kind: 'date', iso, year, month, day, twoDigitYear };
}

/** Two-digit years belong to the last hundred years before `today`: a birth date is never in the future. */
function expandYear(yy: number, today: Date): number {
  const current = today.getUTCFullYear();
  const century = Math.floor(current / 100) * 100;
  return century + yy > current ? century - 100 + yy : century + yy;
}

/**
 * Reads a date written as 2024-03-05, 05/03/2024 (day first, the French way), 5/3/24, 05.03.2024,
 * 05-03-2024, 20240305, "5 mars 2024", "1er mars 2024", "March 5, 2024", or an ISO timestamp.
 */
export function parseDate(text: string, today: Date): DateParse {
  const value = text.trim();
  if (value.length > 40) return { kind: 'unrecognized' };
  if (/^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(value) || /^0{8}$/.test(value)) return { kind: 'placeholder' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m) return build(+m[1], +m[2], +m[3], false);
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(value);
  if (m) return build(+m[1], +m[2], +m[3], false);
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(value);
  if (m) {
    const twoDigit = m[4].length === 2;
    const year = twoDigit ? expandYear(+m[4], today) : +m[4];
    return build(year, +m[3], +m[1], twoDigit, true);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return build(+m[1], +m[2], +m[3], false);
  const words = fold(value.replace(/\./g, ' ')).split(' ');
  // "5 mars 2024", "1er mars 2024", "lundi 5 mars 2024"
  if (words.length >= 3) {
    const [a, b, c] = words.slice(-3);
    const day = /^(\d{1,2})(er)?$/.exec(a);
    if (day && MONTHS[b] !== undefined && /^\d{4}$/.test(c)) return build(+c, MONTHS[b], +day[1], false);
    // "March 5 2024"
    if (MONTHS[a] !== undefined && /^\d{1,2}$/.test(b) && /^\d{4}$/.test(c)) return build(+c, MONTHS[a], +b, false);
  }
  return { kind: 'unrecognized' };
}

/** Age in whole years at `today`. */
export function ageAt(iso: string, today: Date): number {
  const [y, mo, d] = iso.split('-').map(Number);
  const ty = today.getUTCFullYear();
  const tm = today.getUTCMonth() + 1;
  const td = today.getUTCDate();
  return ty - y - (tm < mo || (tm === mo && td < d) ? 1 : 0);
}

export function isFutureDate(iso: string, today: Date): boolean {
  const t = `${pad(today.getUTCFullYear(), 4)}-${pad(today.getUTCMonth() + 1, 2)}-${pad(today.getUTCDate(), 2)}`;
  return iso > t;
}
