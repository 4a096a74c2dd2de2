import { compactIdentifier, frenchVatNumber, isValidSiren, isValidSiret, luhnValid, normalizeNaf, vatKey } from './siren';

describe('SIREN and SIRET', () => {
  it.each([
    ['732829320', true], // a real SIREN: Luhn sum 40
    ['552100554', true],
    ['356000000', true], // La Poste
    ['732829321', false],
    ['123456789', false],
    ['73282932', false],
    ['7328293200', false],
    ['73282932A', false],
    ['', false],
  ])('isValidSiren(%j) -> %s', (input, expected) => {
    expect(isValidSiren(input)).toBe(expected);
  });

  it.each([
    ['73282932000074', true],
    ['55210055400013', true],
    ['73282932000075', false],
    ['7328293200007', false],
    ['732829320000744', false],
    ['35600000000015', true], // La Poste: digit sum 20, a multiple of 5, though Luhn fails
    ['35600000049837', true], // La Poste: digit sum 3+5+6+4+9+8+3+7 = 45
    ['35600000000048', false], // La Poste: digit sum 26
  ])('isValidSiret(%j) -> %s', (input, expected) => {
    expect(isValidSiret(input)).toBe(expected);
  });

  it('La Poste SIRET 35600000000015 would fail plain Luhn', () => {
    expect(luhnValid('35600000000015')).toBe(false);
  });

  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320', '732829320'],
    ['732-829-320', '732829320'],
    ['fr 44 732 829 320', 'FR44732829320'],
  ])('compactIdentifier(%j) -> %j', (input, expected) => {
    expect(compactIdentifier(input)).toBe(expected);
  });
});

describe('VAT numbers', () => {
  it.each([
    ['732829320', '44'], // 732829320 mod 97 = 43; (12 + 129) mod 97 = 44
    ['552100554', '96'], // mod 97 = 28; (12 + 84) mod 97 = 96
    ['356000000', '39'], // mod 97 = 9; 12 + 27 = 39
    ['404833048', '83'], // mod 97 = 56; (12 + 168) mod 97 = 83
  ])('vatKey(%j) -> %j', (siren, key) => {
    expect(vatKey(siren)).toBe(key);
  });

  it('builds FR + key + SIREN', () => {
    expect(frenchVatNumber('552100554')).toBe('FR96552100554');
  });

  it('pads keys below 10 with a zero', () => {
    expect(vatKey('000000019')).toBe('69');
    expect(vatKey('000000097')).toBe('12');
    expect(vatKey('000000030')).toBe('05'); // (12 + 90) mod 97 = 5
  });
});

describe('NAF codes', () => {
  it.each([
    ['6201Z', '62.01Z'],
    ['62.01Z', '62.01Z'],
    ['62.01z', '62.01Z'],
    ['62 01 Z', '62.01Z'],
    [' 4711D ', '47.11D'],
    ['01.11Z', '01.11Z'],
  ])('normalizeNaf(%j) -> %j', (input, expected) => {
    expect(normalizeNaf(input)).toBe(expected);
  });

  it.each(['721Z', '62.01', '6201ZZ', 'ABCDE', '', '62.011Z'])('normalizeNaf(%j) -> null', (input) => {
    expect(normalizeNaf(input)).toBeNull();
  });
});
