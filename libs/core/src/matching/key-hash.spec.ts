import { HashIdTable, hashKey52 } from './key-hash';

describe('hashKey52', () => {
  it('is deterministic and fits in 52 bits, exact in a double', () => {
    for (const key of ['', 'a', 'DUPONT\u000175011', 'jean.dupont@exemple.fr', 'é€😀']) {
      const h = hashKey52(key);
      expect(h).toBe(hashKey52(key));
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 52);
    }
    // fixed values: the same keys give the same numbers from one run (and one process) to the next
    expect(hashKey52('')).toBe(3012557708583596);
    expect(hashKey52('jean.dupont@exemple.fr')).toBe(1288872772119028);
    expect(hashKey52('ab')).not.toBe(hashKey52('ba'));
    expect(hashKey52('a')).not.toBe(hashKey52('a\u0000'));
  });

  it('gives distinct numbers to distinct keys on a sample of near-identical keys', () => {
    const seen = new Map<number, string>();
    const collisions: string[] = [];
    let count = 0;
    for (let i = 0; i < 100_000; i++) {
      for (const key of [`user${i}@exemple.fr`, `${i}\u0001750${i % 100}`, `K${i.toString(36)}`]) {
        const h = hashKey52(key);
        const other = seen.get(h);
        if (other !== undefined) collisions.push(`${other} / ${key}`);
        seen.set(h, key);
        count++;
      }
    }
    expect(collisions).toEqual([]);
    expect(seen.size).toBe(count);
  });

  it('uses both halves: the high and the low 26 bits each vary', () => {
    const high = new Set<number>();
    const low = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const h = hashKey52(`key${i}`);
      high.add(Math.floor(h / 2 ** 26));
      low.add(h % 2 ** 26);
    }
    expect(high.size).toBeGreaterThan(990);
    expect(low.size).toBeGreaterThan(990);
  });
});

describe('HashIdTable', () => {
  it('numbers hashes in order of first sight, the same id on every sight, through growth', () => {
    const table = new HashIdTable(4);
    const hashes = Array.from({ length: 5000 }, (_, i) => hashKey52(`k${i}`));
    expect(hashes.map((h) => table.idOf(h))).toEqual(hashes.map((_, i) => i));
    expect(hashes.map((h) => table.idOf(h))).toEqual(hashes.map((_, i) => i));
    expect(hashes.map((h) => table.get(h))).toEqual(hashes.map((_, i) => i));
    expect(table.size).toBe(5000);
    expect(table.get(hashKey52('never seen'))).toBe(-1);
  });

  it('keeps hashes that differ only in their high half apart', () => {
    const table = new HashIdTable();
    expect(table.idOf(5)).toBe(0);
    expect(table.idOf(5 + 2 ** 26)).toBe(1);
    expect(table.idOf(5 + 2 ** 40)).toBe(2);
    expect(table.idOf(0)).toBe(3);
    expect(table.get(5 + 2 ** 26)).toBe(1);
    expect(table.size).toBe(4);
  });
});
