import fc from 'fast-check';
import { jaro, jaroWinkler, jaroWinklerAtLeast } from './jaro-winkler';

describe('jaroWinkler', () => {
  it('gives the published values (Winkler 1990, and the usual textbook pairs)', () => {
    // MARTHA/MARHTA: 6 matches, 1 transposition → jaro 0.944; prefix MAR (3) → 0.944 + 0.3 × 0.056 = 0.961
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    // DWAYNE/DUANE: 4 matches, no transposition → jaro 0.822; prefix D (1) → 0.84
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    // DIXON/DICKSONX: 4 matches → jaro 0.767; prefix DI (2) → 0.813
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for identical strings and 0 with nothing in common or an empty side', () => {
    expect(jaroWinkler('dupont', 'dupont')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });

  it('applies the prefix boost only above 0.7, as Winkler defined it', () => {
    // "tom"/"thomas": jaro (3/3 + 3/6 + 1)/3 = 0.833, prefix t → 0.85
    expect(jaroWinkler('tom', 'thomas')).toBeCloseTo(0.85, 3);
    // "ab"/"ba": jaro 0 (outside the match window): no boost
    expect(jaroWinkler('ab', 'ba')).toBe(0);
  });

  it('the bounded version agrees with the full computation whenever the score reaches the floor', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeilmnorstu'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.double({ min: 0.5, max: 1, noNaN: true }), (a, b, floor) => {
        const full = jaroWinkler(a, b);
        const bounded = jaroWinklerAtLeast(a, b, floor);
        return full >= floor ? bounded === full : bounded < floor;
      }),
    );
  });
});
