import { displayCity, displayStreet, normalizeHouseNumber, normalizePostalCode, splitCedex, splitHouseNumber } from './address';
import { StepContext, tooLong } from './context';
import { normalizeCountry } from './countries';
import { quote } from './findings';
import { untilStable } from './text';
import { isPlaceholderValue } from './generic-values';

/** The country attribute as ISO 3166 alpha-2; an unknown country is kept as written. Absent stays absent. */
export function standardizeCountry(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.country === undefined || tooLong(ctx, 'country', a.country)) return;
  const code = normalizeCountry(a.country);
  if (code) a.country = code;
  else ctx.findings.add('COUNTRY_UNKNOWN', 'country', `country ${quote(a.country)} is not a known country name or ISO code`);
}

function standardizeStreet(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.street === undefined || tooLong(ctx, 'street', a.street)) {
    if (a.houseNumber !== undefined && !tooLong(ctx, 'houseNumber', a.houseNumber)) a.houseNumber = normalizeHouseNumber(a.houseNumber);
    return;
  }
  const hadNumber = a.houseNumber !== undefined;
  if (a.houseNumber !== undefined && tooLong(ctx, 'houseNumber', a.houseNumber)) {
    a.street = displayStreet(a.street, ctx.french);
    return;
  }
  const split = splitHouseNumber(a.street, a.houseNumber);
  if (!hadNumber && split.houseNumber !== undefined) {
    ctx.findings.add('HOUSE_NUMBER_SPLIT', 'street', `house number ${quote(split.houseNumber)} taken out of ${quote(a.street)}`);
  }
  a.houseNumber = split.houseNumber;
  const street = displayStreet(split.street, ctx.french);
  a.street = street === '' ? undefined : street;
}

const CODE_FIRST = /^(\d{5})\s+(\D.*)$/;
const CODE_LAST = /^(.*\D)\s+(\d{5})$/;

/**
 * "75001 PARIS" in the city field: the postal code moves out when none was given, or goes when it
 * repeats the given one. Returns the city without it.
 */
function postalCodeOutOfCity(ctx: StepContext, city: string): string {
  const a = ctx.attributes;
  if (!ctx.french) return city;
  let rest: string = city;
  for (let guard = 0; guard < 5; guard++) {
    const first = CODE_FIRST.exec(rest);
    const last = first ? null : CODE_LAST.exec(rest);
    const code: string | undefined = first?.[1] ?? last?.[2];
    const remainder: string | undefined = first?.[2] ?? last?.[1];
    if (code === undefined || remainder === undefined || !/\p{L}/u.test(remainder)) break;
    if (a.postalCode === undefined) {
      a.postalCode = code;
      ctx.findings.add('POSTAL_CODE_IN_CITY', 'city', `postal code ${code} taken out of city ${quote(city)}`);
      standardizePostalCode(ctx);
    } else if (a.postalCode !== code) {
      break;
    }
    rest = remainder.trim();
  }
  return rest;
}

function standardizePostalCode(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.postalCode === undefined || tooLong(ctx, 'postalCode', a.postalCode)) return;
  const { rest, cedex } = splitCedex(a.postalCode);
  if (cedex) ctx.findings.add('CITY_CEDEX', 'postalCode', `${cedex} removed from postal code ${quote(a.postalCode)}`);
  if (rest === '') {
    a.postalCode = undefined;
    return;
  }
  const result = normalizePostalCode(rest, ctx.country);
  a.postalCode = result.value;
  if (isPlaceholderValue('postalCode', result.value)) {
    ctx.findings.add('PLACEHOLDER_VALUE', 'postalCode', `postal code ${quote(result.value)} is a placeholder`);
    return;
  }
  if (result.correction === 'padded') ctx.findings.add('POSTAL_CODE_CORRECTED', 'postalCode', `postal code ${quote(rest)} had lost its leading zero: ${result.value}`);
  if (result.correction === 'corsica') ctx.findings.add('POSTAL_CODE_CORRECTED', 'postalCode', `postal code ${quote(rest)} uses a Corsican department code; written ${result.value}`);
  if (result.valid === false) ctx.findings.add('POSTAL_CODE_INVALID', 'postalCode', `postal code ${quote(result.value)} is not a valid ${ctx.country} postal code`);
}

function standardizeCity(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.city === undefined || tooLong(ctx, 'city', a.city)) return;
  const original = a.city;
  let cedex: string | undefined;
  // CEDEX, postal code and display case each can reveal work for the others ("75001 PARIS CEDEX",
  // "CEDEX-"): repeat until they all agree, so that a second pass finds nothing to do.
  const city = untilStable(original, (value) => {
    const split = splitCedex(value);
    cedex ??= split.cedex;
    return displayCity(postalCodeOutOfCity(ctx, split.rest), ctx.french);
  });
  if (cedex) ctx.findings.add('CITY_CEDEX', 'city', `${cedex} removed from city ${quote(original)}`);
  a.city = city === '' ? undefined : city;
}

/** Street and house number, postal code, city. The country is done first, as the rules depend on it. */
export function standardizeAddress(ctx: StepContext): void {
  standardizeStreet(ctx);
  // The given postal code is normalized first, so that the comparison with a code found in the
  // city is the one a second pass would make.
  standardizePostalCode(ctx);
  standardizeCity(ctx);
}
