/**
 * Accent-folded, lower-case form with punctuation turned into single spaces: "Lefèvre-D'Août" →
 * "lefevre d aout". The matcher's own minimal normalization; the standardization library gives
 * richer match keys when it is used.
 */
export function fold(value: string): string {
  return value
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.+_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only, folded: "Jean-Pierre" → "jeanpierre". */
export function compact(value: string): string {
  return fold(value).replace(/[^a-z0-9]/g, '');
}
