/**
 * Results of a pure computation by key, at most about `2 × size` of them, in two generations: when
 * the recent one is full it becomes the older one, and a result found there moves back to the
 * recent one. Emptying a single map when it was full lost at once every result still in use.
 */
export class BoundedMemo<T> {
  private recent = new Map<string, T>();
  private older = new Map<string, T>();

  constructor(private readonly size: number) {}

  /** The result remembered for `key` (undefined if none). */
  get(key: string): T | undefined {
    const value = this.recent.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: T): void {
    if (this.recent.size >= this.size) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
  }
}
