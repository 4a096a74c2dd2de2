import {
  cityVariant,
  DEFAULT_ERROR_PROBABILITIES,
  effectiveProbabilities,
  formatPhone,
  givenNameVariant,
  identifierTypo,
  keyboardNeighbours,
  legalFormInName,
  nafVariant,
  PHONE_FORMATS,
  spacedIdentifier,
  swapDayMonth,
  typo,
  TypoKind,
} from './noise';
import { Rng, WeightedList } from './prng';
import { civilFromDays, daysInMonth, deOf, isoTimestamp, stripAccents } from './text';

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('error model', () => {
  it('writes phones in the formats found in French data', () => {
    const n = '0612345678';
    expect(formatPhone(n, 'spaced')).toBe('06 12 34 56 78');
    expect(formatPhone(n, 'compact')).toBe('0612345678');
    expect(formatPhone(n, 'dotted')).toBe('06.12.34.56.78');
    expect(formatPhone(n, 'dashed')).toBe('06-12-34-56-78');
    expect(formatPhone(n, 'intlSpaced')).toBe('+33 6 12 34 56 78');
    expect(formatPhone(n, 'intlCompact')).toBe('+33612345678');
    expect(formatPhone(n, 'intl00')).toBe('0033612345678');
    expect(formatPhone(n, 'intlParen')).toBe('+33 (0)6 12 34 56 78');
    expect(formatPhone('0692123456', 'intlSpaced')).toBe('+262 692 12 34 56');
    expect(formatPhone('0692123456', 'intlCompact')).toBe('+262692123456');
    for (const f of PHONE_FORMATS) expect(formatPhone(n, f).replace(/\D/g, '').endsWith('612345678')).toBe(true);
  });

  it('makes exactly one edit per typo, of the requested kind', () => {
    const rng = new Rng(1);
    const kinds: TypoKind[] = ['insertion', 'deletion', 'substitution', 'transposition', 'neighbour'];
    for (const kind of kinds) {
      let changed = 0;
      for (let i = 0; i < 300; i++) {
        const word = rng.pick(['Dupont', 'Lefèvre', 'Marie-Thérèse', 'Boulangerie', 'Moreau']);
        const out = typo(rng, word, kind);
        expect(osa(word, out)).toBeLessThanOrEqual(1);
        if (out !== word) changed++;
        if (kind === 'insertion') expect(out.length).toBe(word.length + 1);
        if (kind === 'deletion') expect(out.length).toBe(word.length - 1);
        expect(out.charAt(0)).toBe(word.charAt(0));
      }
      expect(changed).toBeGreaterThan(200);
    }
    expect(typo(rng, 'Li')).toBe('Li');
  });

  it('uses AZERTY neighbours', () => {
    expect(keyboardNeighbours('a')).toContain('z');
    expect(keyboardNeighbours('a')).toContain('q');
    expect(keyboardNeighbours('m')).toContain('l');
    expect(keyboardNeighbours('w')).toContain('x');
    expect(keyboardNeighbours('a')).not.toMatch(/[pmwbn]/);
    expect(keyboardNeighbours('é')).toBe('');
  });

  it('writes the legal form into the name in the usual ways', () => {
    const rng = new Rng(2);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(legalFormInName(rng, 'Dupont', 'SARL'));
    for (const v of ['SARL Dupont', 'Dupont SARL', 'Dupont S.A.R.L.', 'Ste Dupont', 'Sté Dupont', 'Société Dupont', 'Dupont (SARL)']) {
      expect(seen).toContain(v);
    }
    for (const v of seen) expect(v).toContain('Dupont');
  });

  it('varies names, dates, identifiers and cities the way sources do', () => {
    const rng = new Rng(4);
    const variants = new Set<string>();
    for (let i = 0; i < 500; i++) variants.add(givenNameVariant(rng, 'Jean-Pierre'));
    expect([...variants].sort()).toEqual(['J.-P.', 'Jean', 'Jean Pierre', 'Jean-P.']);
    expect(givenNameVariant(rng, 'Paul')).toBe('Paul');
    expect(swapDayMonth('1980-03-07')).toBe('1980-07-03');
    expect(swapDayMonth('1980-03-25')).toBe('1980-03-25');
    expect(spacedIdentifier('73282932000074')).toBe('732 829 320 00074');
    expect(spacedIdentifier('732829320')).toBe('732 829 320');
    for (let i = 0; i < 200; i++) {
      const t = identifierTypo(rng, '73282932000074');
      expect(t).not.toBe('73282932000074');
      expect(t).toHaveLength(14);
    }
    const naf = new Set<string>();
    for (let i = 0; i < 200; i++) naf.add(nafVariant(rng, '62.01Z'));
    expect([...naf].sort()).toEqual(['62.01 Z', '6201Z', '6201z']);
    const cities = new Set<string>();
    for (let i = 0; i < 300; i++) cities.add(cityVariant(rng, 'Paris', '75015'));
    expect(cities).toContain('Paris 15e');
    expect(cities).toContain('Paris 15');
    expect(cityVariant(new Rng(1), 'Saint-Étienne', '42000')).toBe('St-Étienne');
  });

  it('scales the probabilities by the source noise level and errorRate, capped at 1', () => {
    const forms = effectiveProbabilities(DEFAULT_ERROR_PROBABILITIES, 'forms', 1);
    const erp = effectiveProbabilities(DEFAULT_ERROR_PROBABILITIES, 'erp', 1);
    expect(forms.typo).toBeCloseTo(DEFAULT_ERROR_PROBABILITIES.typo * 1.5);
    expect(erp.typo).toBeCloseTo(DEFAULT_ERROR_PROBABILITIES.typo * 0.4);
    const off = effectiveProbabilities(DEFAULT_ERROR_PROBABILITIES, 'forms', 0);
    expect(Object.values(off).every((p) => p === 0)).toBe(true);
    const capped = effectiveProbabilities({ ...DEFAULT_ERROR_PROBABILITIES, stale: 0.9 }, 'forms', 1);
    expect(capped.stale).toBe(1);
  });
});

describe('text and random helpers', () => {
  it('strips accents and elides "de"', () => {
    expect(stripAccents('Lefèvre Marie-Thérèse Œuvre')).toBe('Lefevre Marie-Therese OEuvre');
    expect(deOf('Angers')).toBe("d'Angers");
    expect(deOf('Lyon')).toBe('de Lyon');
    expect(deOf('Le Havre')).toBe('du Havre');
  });

  it('converts day counts to civil dates like Date does', () => {
    for (let days = -1000; days < 30_000; days += 37) {
      const d = new Date(days * 86_400_000);
      expect(civilFromDays(days)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      expect(isoTimestamp(days, 3661)).toBe(new Date(days * 86_400_000 + 3_661_000).toISOString().slice(0, 19) + 'Z');
    }
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
  });

  it('draws uniformly and by weight, reproducibly', () => {
    const a = new Rng(123);
    const b = new Rng(123);
    const seqA = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => new Rng(124).uint32())).not.toEqual(seqA);
    const rng = new Rng(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const list = new WeightedList([['x', 1], ['y', 3]] as const);
    let y = 0;
    for (let i = 0; i < 40_000; i++) if (list.pick(rng) === 'y') y++;
    expect(y / 40_000).toBeGreaterThan(0.73);
    expect(y / 40_000).toBeLessThan(0.77);
    expect(() => new Rng(Number.NaN)).toThrow(RangeError);
  });
});
