/**
 * A fixed-size Bloom filter: remembers which values were already handed out (SIRENs, email
 * addresses, company domains) in constant memory, so two different entities do not get the same
 * identifier by accident. A false positive only makes the generator pick another value.
 */
export class UniqueGuard {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** @param log2Bits size of the filter in bits, as a power of two (default 2^25 bits = 4 MiB). */
  constructor(log2Bits = 25) {
    if (log2Bits < 5 || log2Bits > 31) throw new RangeError(`log2Bits out of range: ${log2Bits}`);
    this.bits = new Uint32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  /** Records the value; returns false if it was (probably) already there. */
  add(value: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h2 |= 1;
    let fresh = false;
    for (let k = 0; k < 4; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) & this.mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if ((this.bits[word] & flag) === 0) {
        fresh = true;
        this.bits[word] |= flag;
      }
    }
    return fresh;
  }
}
