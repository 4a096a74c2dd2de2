import { isValidSiren as checksumSiren, isValidSiret as checksumSiret, luhnValid } from '../standardization/siren';

export { luhnValid };

/** 9 digits, Luhn-valid, not all zeros (a placeholder is no identifier to match on). */
export function isValidSiren(value: string | undefined): value is string {
  return value !== undefined && !/^0+$/.test(value) && checksumSiren(value);
}

/** 14 digits, Luhn-valid (La Poste establishments: digit sum multiple of 5), not all zeros. */
export function isValidSiret(value: string | undefined): value is string {
  return value !== undefined && !/^0+$/.test(value) && checksumSiret(value);
}
