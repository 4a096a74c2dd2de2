/**
 * The district a postal code belongs to, by country: the French département (2 digits; 3 for
 * overseas 97x/98x), the British outward code ("TQ13" of "TQ13 8DF"), the US three-digit ZIP
 * prefix, the Australian and German two-digit region; elsewhere the first half of the code.
 */
export function postalDistrict(code: string, country: string | undefined): string {
  const c = code.trim().toLowerCase();
  switch ((country ?? '').toUpperCase()) {
    case 'FR':
      return /^9[78]/.test(c) ? c.slice(0, 3) : c.slice(0, 2);
    case 'GB':
    case 'UK': {
      const space = c.indexOf(' ');
      if (space > 0) return c.slice(0, space);
      return c.length > 4 ? c.slice(0, c.length - 3) : c;
    }
    case 'US':
      return c.slice(0, 3);
    case 'AU':
    case 'DE':
    case 'BE':
    case 'CH':
      return c.slice(0, 2);
    default:
      return c.slice(0, Math.ceil(c.length / 2));
  }
}
