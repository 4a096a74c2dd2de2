import { EntityFactory } from './entities';
import {
  composeSurname,
  FEMALE_GIVEN_NAME_LIST,
  MALE_GIVEN_NAME_LIST,
  RankedNames,
  surnameDistribution,
  surnameSpace,
} from './name-frequencies';
import { Rng } from './prng';

/** Share of the `k` most frequent values among `total` draws. */
function topShare(counts: Map<string, number>, total: number, k: number): number {
  return [...counts.values()].sort((a, b) => b - a).slice(0, k).reduce((a, b) => a + b, 0) / total;
}

function count(values: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

describe('surname and given-name frequencies', () => {
  // 50,000 persons of seed 1, as the generator makes them (households, maiden names, double-barrelled names included).
  const factory = new EntityFactory(new Rng(1));
  const persons = Array.from({ length: 50_000 }, () => factory.person());
  const surnames = count(persons.map((p) => p.lastName));

  it('gives Martin about its French share (0.3–0.4 %), the top 100 about 5–6 %, the top 1,000 about 15–20 %', () => {
    const n = persons.length;
    const martin = (surnames.get('Martin') ?? 0) / n;
    expect(martin).toBeGreaterThan(0.0025);
    expect(martin).toBeLessThan(0.0045);
    // Martin is the most common surname, and no other name comes near its share.
    expect(topShare(surnames, n, 1)).toBeCloseTo(martin, 10);
    expect(topShare(surnames, n, 100)).toBeGreaterThan(0.045);
    expect(topShare(surnames, n, 100)).toBeLessThan(0.07);
    expect(topShare(surnames, n, 1000)).toBeGreaterThan(0.14);
    expect(topShare(surnames, n, 1000)).toBeLessThan(0.23);
  });

  it('has a long tail: tens of thousands of surnames, many borne once, homonyms rare', () => {
    expect(surnames.size).toBeGreaterThan(15_000);
    const once = [...surnames.values()].filter((c) => c === 1).length;
    expect(once).toBeGreaterThan(5_000);
    // Probability that two persons drawn at random share a surname (France: of the order of 1e-4; the former lists gave 4e-3).
    let same = 0;
    for (const c of surnames.values()) same += c * (c - 1);
    const n = persons.length;
    expect(same / (n * (n - 1))).toBeLessThan(2e-4);
  });

  it('draws regional and immigrant-origin surnames and composed ones that read as French', () => {
    const names = [...surnames.keys()];
    expect(names.some((s) => s.startsWith('Le '))).toBe(true);
    expect(names.some((s) => s.startsWith('Ker'))).toBe(true);
    expect(names.some((s) => /mann$/.test(s))).toBe(true);
    expect(names.some((s) => /(ini|elli)$/.test(s))).toBe(true);
    expect(names.some((s) => /ez$/.test(s))).toBe(true);
    expect(names.some((s) => /^Etche/.test(s))).toBe(true);
    expect(names.some((s) => /^Ben[a-z]/.test(s))).toBe(true);
    expect(names.some((s) => /ski$/.test(s))).toBe(true);
    expect(names.some((s) => /^[A-Z][a-z]+-[A-Z]/.test(s))).toBe(true); // double-barrelled
  });

  it('gives the most common given name 1–2.5 % of its sex, not the 4 % of a steep Zipf law', () => {
    for (const sex of ['M', 'F'] as const) {
      const ofSex = persons.filter((p) => p.sex === sex);
      const names = count(ofSex.map((p) => p.firstName));
      const top = topShare(names, ofSex.length, 1);
      expect(top).toBeGreaterThan(0.01);
      expect(top).toBeLessThan(0.025);
      expect(topShare(names, ofSex.length, 10)).toBeLessThan(0.18);
    }
    expect(MALE_GIVEN_NAME_LIST.headShare(1)).toBeLessThan(0.02);
    expect(FEMALE_GIVEN_NAME_LIST.headShare(1)).toBeLessThan(0.02);
  });

  it('is deterministic: a fixed name space, and the same names for the same seed', () => {
    const space = surnameSpace();
    expect(space.length).toBeGreaterThan(30_000);
    expect(new Set(space.map((s) => s.toLowerCase())).size).toBe(space.length);
    expect(space[0]).toBe('Martin');
    expect(space.slice(0, 5)).toEqual(['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert']);
    const draw = (seed: number) => {
      const f = new EntityFactory(new Rng(seed));
      return Array.from({ length: 300 }, () => `${f.givenName('F')} ${f.surname()}`);
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(6)).not.toEqual(draw(5));
    // The expected shares of the law itself, independent of any draw.
    const d = surnameDistribution();
    expect(d.headShare(1)).toBeGreaterThan(0.003);
    expect(d.headShare(1)).toBeLessThan(0.004);
    expect(d.headShare(100)).toBeGreaterThan(0.05);
    expect(d.headShare(100)).toBeLessThan(0.06);
    expect(d.headShare(1000)).toBeGreaterThan(0.16);
    expect(d.headShare(1000)).toBeLessThan(0.2);
  });

  it('composes surnames: capitalized after a space, never two vowels across the join', () => {
    expect(composeSurname('Le', 'gall', ' ')).toBe('Le Gall');
    expect(composeSurname('De La ', 'barre', '')).toBe('De La Barre');
    expect(composeSurname('Ber', 'ard', '')).toBe('Berard');
    expect(composeSurname('Chau', 'oux', '')).toBeUndefined();
    for (const name of surnameSpace()) {
      // Every word capitalized, but a nobiliary particle ("de Villiers").
      for (const word of name.split(/[ -]/)) if (word !== 'de') expect(word.charAt(0)).toBe(word.charAt(0).toUpperCase());
      expect(name).not.toMatch(/[aeiou]{5}/i); // Jaouen has four
    }
  });

  it('picks ranked names by weight', () => {
    const list = new RankedNames(['a', 'b'], (rank) => (rank === 1 ? 3 : 1));
    expect(list.headShare(1)).toBeCloseTo(0.75);
    const rng = new Rng(9);
    const picks = count(Array.from({ length: 20_000 }, () => list.pick(rng)));
    expect((picks.get('a') ?? 0) / 20_000).toBeGreaterThan(0.73);
    expect((picks.get('a') ?? 0) / 20_000).toBeLessThan(0.77);
    expect(() => new RankedNames([], () => 1)).toThrow(RangeError);
  });
});
