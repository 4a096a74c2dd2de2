/** Country calling codes of the countries whose national numbers start with a trunk 0. */
const TRUNK_ZERO: Record<string, string> = { FR: '33', AU: '61', GB: '44', UK: '44', DE: '49', BE: '32', CH: '41', IT: '39', NL: '31', ES: '34', PT: '351', IE: '353', NZ: '64' };

/**
 * E.164 when the number says its country or the default country tells it ("06 12 34 56 78" in FR
 * → +33612345678, "+33 (0)6…" and "0033…" too, a 10-digit US number → +1…); otherwise the digits
 * as typed (a 7-digit local number stays local: its last digits still compare).
 */
export function normalizePhone(raw: string, country = 'FR'): string | undefined {
  let text = raw.trim().replace(/\(0\)/g, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  if (text.startsWith('+')) return `+${digits}`;
  const code = country.toUpperCase();
  if (digits.startsWith('0') && TRUNK_ZERO[code]) return `+${TRUNK_ZERO[code]}${digits.slice(1)}`;
  if (code === 'US' || code === 'CA') {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  }
  return digits;
}
