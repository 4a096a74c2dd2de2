/** French company identifiers: SIREN, SIRET, intra-community VAT number, NAF/APE code. */

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's SIREN: its establishments' SIRETs do not follow Luhn but have a digit sum multiple of 5. */
export const LA_POSTE_SIREN = '356000000';

/** Removes the separators people type inside identifiers: spaces, dots, dashes, slashes. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-_/]+/g, '').toUpperCase().normalize('NFC');
}

export function isSirenFormat(value: string): boolean {
  return /^\d{9}$/.test(value);
}

export function isSiretFormat(value: string): boolean {
  return /^\d{14}$/.test(value);
}

/** 9 digits with a valid Luhn checksum. */
export function isValidSiren(value: string): boolean {
  return isSirenFormat(value) && luhnValid(value);
}

/** 14 digits with a valid Luhn checksum, or a La Poste establishment whose digit sum is a multiple of 5. */
export function isValidSiret(value: string): boolean {
  if (!isSiretFormat(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (const c of value) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** The two-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function vatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/** FR + key + SIREN, for a valid SIREN. */
export function frenchVatNumber(siren: string): string {
  return `FR${vatKey(siren)}${siren}`;
}

export function isFrenchVatFormat(value: string): boolean {
  return /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/.test(value);
}

/** Generic EU VAT shape: two-letter prefix, then 2 to 13 letters, digits, + or *. */
export function isVatFormat(value: string): boolean {
  return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(value);
}

/** "6201Z", "62.01z", "62 01 Z" -> "62.01Z"; null when the value is not a NAF rev. 2 code. */
export function normalizeNaf(value: string): string | null {
  const m = /^(\d{2})\.?(\d{2})([A-Z])$/.exec(value.replace(/\s+/g, '').toUpperCase());
  return m ? `${m[1]}.${m[2]}${m[3]}` : null;
}
