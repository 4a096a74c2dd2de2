import { capitalize, cleanText, fold, properWord, untilStable } from './text';

describe('cleanText', () => {
  it.each([
    ['  Jean   Dupont  ', 'Jean Dupont'],
    ['Jean\u0000Dupont', 'JeanDupont'],
    ['Jean\tDupont\nFils', 'Jean Dupont Fils'],
    ['\uFEFFDupont', 'Dupont'],
    ['Du\u200Bpont', 'Dupont'],
    ['Jean\u00A0Dupont', 'Jean Dupont'],
    ['Jean\u202FDupont', 'Jean Dupont'],
    ['e\u0301cole', 'école'],
    ['e\u0000\u0301', 'é'],
    ['\ud800abc', 'abc'],
    ['   ', ''],
    ['\r\n\t', ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is idempotent on a mix of hostile characters', () => {
    const once = cleanText(' \u0000a\u200b \u0301b\uFEFF\t c ');
    expect(cleanText(once)).toBe(once);
    expect(once).toBe('a \u0301b c');
  });
});

describe('fold', () => {
  it.each([
    ["Lefèvre-D'Août", 'lefevre d aout'],
    ['ŒUVRE', 'oeuvre'],
    ['Straße', 'strasse'],
    ['  Jean--Pierre  ', 'jean pierre'],
    ['J.-P.', 'j p'],
    ['Иван Petrov', 'иван petrov'],
    ['😀 Dupont 😀', 'dupont'],
    ['Ça & là', 'ca la'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('case helpers', () => {
  it.each([
    ['DUPONT', 'Dupont'],
    ['dupont', 'Dupont'],
    ['McDonald', 'McDonald'],
    ['élodie', 'Élodie'],
    ['123', '123'],
  ])('properWord(%j) -> %j', (input, expected) => {
    expect(properWord(input)).toBe(expected);
  });

  it('does not expand a character whose upper case is two characters', () => {
    expect(capitalize('ßa')).toBe('ßa');
  });

  it('untilStable applies a shortening step until nothing changes', () => {
    expect(untilStable('aaaa', (v) => v.replace(/^a/, ''))).toBe('');
  });
});
