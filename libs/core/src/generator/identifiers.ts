/**
 * Clean French identifiers: SIREN, SIRET, VAT numbers and phone numbers. Every function here
 * returns a valid value; errors are injected later, per source record (see noise.ts).
 */
import { Rng } from './prng';

/** SIREN of La Poste, whose establishments follow a different SIRET rule (digit sum multiple of 5). */
export const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a string of digits (true when the sum is a multiple of 10). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    let d = digits.charCodeAt(n - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** The digit to append to `payload` so that the whole string passes Luhn. */
export function luhnCheckDigit(payload: string): string {
  const sum = luhnSum(payload + '0');
  return String((10 - (sum % 10)) % 10);
}

/** A SIREN is valid when it has 9 digits and passes Luhn. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/** A SIRET is valid when it has 14 digits and passes Luhn, or, for La Poste, when its digit sum is a multiple of 5. */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) return digitSum(siret) % 5 === 0;
  return luhnValid(siret);
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * A random valid SIREN. The first digit follows the real distribution roughly: companies
 * registered since the 1980s start with 3 to 9; associations often with 7 or 8.
 */
export function generateSiren(rng: Rng, association = false): string {
  let payload: string;
  do {
    const first = association ? rng.pick(['7', '8']) : rng.pick(['3', '4', '5', '7', '8', '8', '9', '9']);
    payload = first + rng.digits(7);
  } while (payload.startsWith('35600000'));
  return payload + luhnCheckDigit(payload);
}

/**
 * The SIRET of the establishment number `establishment` (1-based) of `siren`: the NIC is the
 * 4-digit establishment number followed by the key digit that makes the 14 digits pass Luhn
 * (for La Poste, the digit sum a multiple of 5).
 */
export function siretOf(siren: string, establishment: number): string {
  if (establishment < 1 || establishment > 9999) throw new RangeError(`establishment number out of range: ${establishment}`);
  const payload = siren + String(establishment).padStart(4, '0');
  if (siren === LA_POSTE_SIREN) {
    const key = (5 - (digitSum(payload) % 5)) % 5;
    return payload + String(key);
  }
  return payload + luhnCheckDigit(payload);
}

/** The French VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function vatNumberOf(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** The telephone plan of an area: landline prefixes and mobile prefixes (national format, with the leading 0). */
export interface PhonePlan {
  /** Prefix of landlines, e.g. '01' for Île-de-France or '0262' for La Réunion. */
  readonly landline: string;
  /** Prefixes of mobiles, e.g. ['06', '07'] or ['0692', '0693']. */
  readonly mobile: readonly string[];
}

const METRO_MOBILE_PREFIXES = ['060', '061', '062', '063', '064', '065', '066', '067', '068', '073', '074', '075', '076', '077', '078'];

/** A French mobile number in national format (10 digits, starting with 06 or 07, or the overseas mobile prefix). */
export function generateMobile(rng: Rng, plan?: PhonePlan): string {
  if (plan && plan.mobile.length > 0 && plan.mobile[0] !== '06') {
    const prefix = rng.pick(plan.mobile);
    return prefix + rng.digits(10 - prefix.length);
  }
  let prefix = rng.pick(METRO_MOBILE_PREFIXES);
  // 0639 and 069x are overseas mobile ranges.
  if (prefix === '063') prefix += rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
  return prefix + rng.digits(10 - prefix.length);
}

/** A landline number in national format (01 to 05, or an overseas landline prefix). */
export function generateLandline(rng: Rng, plan: PhonePlan): string {
  const prefix = plan.landline;
  // The digit after a metropolitan area code is never 0 in practice.
  if (prefix.length === 2) return prefix + String(rng.int(1, 9)) + rng.digits(7);
  return prefix + rng.digits(10 - prefix.length);
}

/** Country calling code of a French national number: +33 in metropolitan France, the overseas codes otherwise. */
export function callingCodeOf(national: string): string {
  const p = national.slice(0, 4);
  switch (p) {
    case '0262':
    case '0263':
    case '0269':
    case '0692':
    case '0693':
    case '0639':
      return '262';
    case '0590':
    case '0690':
    case '0691':
      return '590';
    case '0594':
    case '0694':
      return '594';
    case '0596':
    case '0696':
    case '0697':
      return '596';
    default:
      return '33';
  }
}

/** E.164 form of a French national number: '0612345678' → '+33612345678', '0262123456' → '+262262123456'. */
export function toE164(national: string): string {
  const cc = callingCodeOf(national);
  return `+${cc}${national.slice(1)}`;
}

/** True for a 10-digit national number starting with 06 or 07 (metropolitan or overseas mobile). */
export function isMobile(national: string): boolean {
  return /^0[67]\d{8}$/.test(national);
}
