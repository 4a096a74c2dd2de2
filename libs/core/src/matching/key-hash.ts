/**
 * Blocking keys as numbers: a 52-bit hash of each key string, so that a rule's key table holds
 * numbers in typed arrays instead of a `Map` of millions of strings. Two distinct keys share a
 * hash with a probability of about n² / 2⁵³ (a few in a thousand for five million keys), and a
 * collision only merges two blocks: it adds candidate pairs, which scoring then rejects.
 */

const TWO_POW_26 = 0x4000000;

/** murmur3's 32-bit finalizer: every input bit reaches every output bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 52-bit hash of the string, exact in a double: two FNV-1a hashes of its UTF-16 code units with
 * different offset bases, each finalized, give the high and the low 26 bits.
 */
export function hashKey52(value: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (mix32(a) >>> 6) * TWO_POW_26 + (mix32(b) >>> 6);
}

/**
 * Dense ids for 52-bit hashes, in order of first sight (open addressing over typed arrays: 12 bytes
 * a slot, at most three quarters full).
 */
export class HashIdTable {
  private hashes: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity * 0.75 < expected) capacity *= 2;
    this.hashes = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The id of the hash, a new one (the number of hashes seen so far) the first time. */
  idOf(hash: number): number {
    let slot = this.slotOf(hash);
    const found = this.ids[slot];
    if (found >= 0) return found;
    if (this.count + 1 > (this.mask + 1) * 0.75) {
      this.grow();
      slot = this.slotOf(hash);
    }
    const id = this.count++;
    this.hashes[slot] = hash;
    this.ids[slot] = id;
    return id;
  }

  /** The id of the hash, or -1 when it was never seen. */
  get(hash: number): number {
    return this.ids[this.slotOf(hash)];
  }

  private slotOf(hash: number): number {
    // both finalized halves: the low one alone would fill at most 2²⁶ slots
    let slot = ((hash % TWO_POW_26) ^ Math.imul(Math.floor(hash / TWO_POW_26), 0x9e3779b1)) & this.mask;
    while (this.ids[slot] >= 0 && this.hashes[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  private grow(): void {
    const hashes = this.hashes;
    const ids = this.ids;
    const capacity = hashes.length * 2;
    this.hashes = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s] < 0) continue;
      const slot = this.slotOf(hashes[s]);
      this.hashes[slot] = hashes[s];
      this.ids[slot] = ids[s];
    }
  }
}
