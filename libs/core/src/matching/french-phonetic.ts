/**
 * A simplified "phonétique française": folds the spellings French names share for one sound, so
 * Lefèvre/Lefebvre, Dupont/Dupond, Thomas/Tomas, Gauthier/Gautier get one code. Soundex was made
 * for English and keeps silent final letters (Dupont ≠ Dupond); this code drops them, reads
 * nasal vowels as units, and keeps vowels (French names differ by them more than by consonants).
 *
 * Codes: digits stand for sounds with no letter of their own (1 = an/en, 2 = on, 3 = in/ain/un,
 * 4 = ch/sch/sh). Deterministic and cheap: computed once per record, used by comparisons and blocking.
 */
export function frenchPhonetic(name: string): string {
  let s = name
    .replace(/[çÇ]/g, 'S')
    .replace(/[œŒ]/g, 'OE')
    .replace(/[æÆ]/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (s.length === 0) return '';
  s = s
    .replace(/PH/g, 'F')
    .replace(/SCH/g, '4')
    .replace(/CH(?=[RL])/g, 'K')
    .replace(/[CS]H/g, '4')
    .replace(/GE(?=[AOU])/g, 'J')
    .replace(/G(?=[EIY])/g, 'J')
    .replace(/GU(?=[EIY])/g, 'G')
    .replace(/QU/g, 'K')
    .replace(/Q/g, 'K')
    .replace(/CK/g, 'K')
    .replace(/C(?=[EIY])/g, 'S')
    .replace(/C/g, 'K')
    .replace(/H/g, '')
    .replace(/W/g, 'V')
    .replace(/Y/g, 'I')
    .replace(/Z/g, 'S')
    .replace(/X$/, '')
    .replace(/X/g, 'KS')
    .replace(/BV/g, 'V')
    // nasal vowels: a vowel + n/m not followed by a vowel or another n/m
    .replace(/(?:AI|EI)[NM](?![AEIOUNM])/g, '3')
    .replace(/(?:I|U)[NM](?![AEIOUNM])/g, '3')
    .replace(/[AE][NM](?![AEIOUNM])/g, '1')
    .replace(/O[NM](?![AEIOUNM])/g, '2')
    .replace(/EAU/g, 'O')
    .replace(/AU/g, 'O')
    .replace(/OU/g, 'U')
    .replace(/[AE]I/g, 'E')
    .replace(/E[RZT]$/, 'E')
    .replace(/[DTSPX]+$/, '');
  if (s.length > 1) s = s.replace(/E$/, '');
  return s.replace(/(.)\1+/g, '$1');
}
