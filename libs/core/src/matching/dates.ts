/**
 * Birth dates are compared as 8-digit strings YYYYMMDD, so an invalid date (a typo such as
 * 19561509) still compares digit by digit; `dayNumber` gives the day count when the date is valid.
 */

/** "1956-04-09", "19560409", "09/04/1956" (day first, the French and Australian order) → "19560409". */
export function dateDigits(value: string): string | undefined {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{1,2})-?(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m && (v.includes('-') || v.length === 8)) return m[1] + m[2].padStart(2, '0') + m[3].padStart(2, '0');
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return m[3] + m[2].padStart(2, '0') + m[1].padStart(2, '0');
  m = /^(\d{4})$/.exec(v);
  if (m) return `${m[1]}0000`;
  return undefined;
}

/** Days since 1970-01-01 for a valid YYYYMMDD, else NaN. */
export function dayNumber(digits: string): number {
  const y = Number(digits.slice(0, 4));
  const mo = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return NaN;
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCDate() !== d) return NaN;
  return Math.round(t / 86400000);
}

/** Day and month swapped: 1956-04-09 vs 1956-09-04. */
export function isDayMonthSwap(a: string, b: string): boolean {
  return a.length === 8 && b.length === 8 && a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6);
}

/** One digit typed wrong, or two adjacent digits exchanged: 19560409 vs 19560419, 19650409. */
export function isOneDigitTypo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (count === 0) first = i;
      count++;
      if (count > 2) return false;
    }
  }
  if (count === 1) return true;
  return count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}
