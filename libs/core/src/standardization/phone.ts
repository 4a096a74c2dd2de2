import { CountryCode, isSupportedCountry, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';

/**
 * Phones, through libphonenumber-js with its full metadata (number types need it). Numbers are
 * stored in E.164; an invalid number is kept with its separators removed.
 */

export type PhoneType = 'mobile' | 'fixed' | 'fixed-or-mobile' | 'toll-free' | 'premium-rate' | 'voip' | 'other' | 'invalid';

export interface PhoneResult {
  /** E.164 when valid, the number without separators otherwise. */
  value: string;
  valid: boolean;
  type: PhoneType;
  /** The ISO country the number belongs to, when valid. */
  country?: string;
}

/**
 * Overseas departments and collectivities dial like metropolitan France nationally (0692…, 0590…)
 * but have their own country codes. Their metadata only accepts their own ranges, so a national
 * number valid in one of them belongs there and not to +33.
 */
const FRENCH_PLAN: readonly CountryCode[] = ['RE', 'YT', 'GP', 'BL', 'MF', 'MQ', 'GF', 'PM', 'FR'];

export function asCountryCode(value: string | undefined): CountryCode | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

function tryParse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  } catch {
    return undefined;
  }
}

/** "+33 (0)6 …": the national trunk prefix in parentheses after the country code is dropped. */
function dropTrunkPrefix(text: string): string {
  return text.replace(/^(\+|00)\s*(\d{1,3})\s*\(\s*0\s*\)/, '+$2 ');
}

/** The number with separators removed: digits, and a leading + when there was one. */
export function compactPhone(text: string): string {
  const trimmed = text.trim();
  if (!/^[+\d\s.\-/()]+$/.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D+/g, '');
  return /^\s*\+/.test(trimmed) ? `+${digits}` : digits;
}

export function normalizePhone(text: string, defaultCountry: string = 'FR'): PhoneResult {
  const country = asCountryCode(defaultCountry);
  // Separators libphonenumber does not expect ("06..12", "((06))") must not hide a valid number,
  // or the compact form kept for an invalid number would turn valid on a second pass.
  const parsed = parseValid(text, country) ?? parseValid(compactPhone(text), country);
  if (parsed) return { value: parsed.number, valid: true, type: typeOf(parsed), country: parsed.country };
  return { value: compactPhone(text), valid: false, type: 'invalid' };
}

function parseValid(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const input = dropTrunkPrefix(text.trim()).replace(/^00(?=\d)/, '+');
  let parsed = tryParse(input, country);
  const national = !input.startsWith('+');
  const frenchPlan = national && country !== undefined && FRENCH_PLAN.includes(country);
  if (frenchPlan && (country === 'FR' || !parsed?.isValid())) {
    // A national French-plan number: an overseas region whose metadata gives it a geographic type
    // wins over +33 (FR metadata also accepts some of them, 0596…, 0269…). Shared non-geographic
    // numbers (0800…, 089…) stay French.
    for (const region of FRENCH_PLAN) {
      const candidate = tryParse(input, region);
      if (!candidate?.isValid()) continue;
      const type = candidate.getType();
      if (region === 'FR' || type === 'MOBILE' || type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') {
        parsed = candidate;
        break;
      }
    }
  }
  return parsed?.isValid() ? parsed : undefined;
}

function typeOf(parsed: PhoneNumber): PhoneType {
  switch (parsed.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed-or-mobile';
    case 'TOLL_FREE':
      return 'toll-free';
    case 'PREMIUM_RATE':
      return 'premium-rate';
    case 'VOIP':
      return 'voip';
    case 'SHARED_COST':
    case 'PERSONAL_NUMBER':
    case 'PAGER':
    case 'UAN':
    case 'VOICEMAIL':
    case undefined:
      return 'other';
  }
}

/** Type of a number in E.164 ("+33612345678" -> 'mobile'); 'invalid' when it is not a valid E.164 number. */
export function phoneType(e164: string): PhoneType {
  if (!/^\+\d{4,15}$/.test(e164)) return 'invalid';
  const parsed = tryParse(e164, undefined);
  return parsed?.isValid() ? typeOf(parsed) : 'invalid';
}

/** The national significant number of a valid E.164 number, or the digits of anything else. */
export function nationalDigits(value: string): string {
  const parsed = value.startsWith('+') ? tryParse(value, undefined) : undefined;
  return parsed ? String(parsed.nationalNumber) : value.replace(/\D+/g, '');
}
