import { ComparisonVectors } from './expectation-maximisation';

/**
 * Collects comparison vectors with their counts: each distinct vector gets an id, so pairs can be
 * stored as one small integer and weighed through a table.
 */
export class ComparisonVectorTable {
  private readonly ids = new Map<number, number>();
  private levels = new Uint8Array(1024);
  private counts = new Float64Array(64);
  private readonly radix: number;

  constructor(readonly width: number, maxLevels: number) {
    this.radix = maxLevels;
    if (Math.pow(maxLevels, width) > Number.MAX_SAFE_INTEGER) throw new Error('too many comparisons or levels to encode a comparison vector');
  }

  get size(): number {
    return this.ids.size;
  }

  /** Id of the vector (added with count 0 when new); `weight` is added to its count. */
  add(vector: Uint8Array, weight = 1): number {
    let key = 0;
    for (let c = 0; c < this.width; c++) key = key * this.radix + vector[c];
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      if ((id + 1) * this.width > this.levels.length) {
        const grown = new Uint8Array(this.levels.length * 2);
        grown.set(this.levels);
        this.levels = grown;
      }
      if (id >= this.counts.length) {
        const grown = new Float64Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
      this.levels.set(vector.subarray(0, this.width), id * this.width);
    }
    this.counts[id] += weight;
    return id;
  }

  vector(id: number): Uint8Array {
    return this.levels.subarray(id * this.width, (id + 1) * this.width);
  }

  toVectors(): ComparisonVectors {
    return { width: this.width, levels: this.levels.slice(0, this.size * this.width), counts: this.counts.slice(0, this.size) };
  }
}
