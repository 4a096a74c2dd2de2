/**
 * Group commit: the batches handed over while a transaction runs wait, then go together into the
 * next one. With one partition's batch at a time the engine would pay a transaction (and its fixed
 * number of round trips) per partition and per poll; grouped, a busy engine resolves hundreds of
 * records per transaction while an idle one still stores a lone batch at once.
 *
 * Every submitter's promise settles when the transaction holding its items commits (with that
 * transaction's result) or fails (with its error, so that each submitter's batch is redelivered).
 * One transaction runs at a time; items keep their order.
 */
export class GroupCommit<T, R> {
  private readonly waiting: { items: T[]; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  /** `run` stores the items of one group in one transaction; at most `maxItems` per group, unless one submission alone is larger. */
  constructor(
    private readonly run: (items: T[]) => Promise<R>,
    private readonly maxItems: number,
  ) {
    if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error('maxItems must be a positive integer');
  }

  submit(items: T[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const group = [this.waiting.shift()!];
        let size = group[0].items.length;
        while (this.waiting.length > 0 && size + this.waiting[0].items.length <= this.maxItems) {
          const next = this.waiting.shift()!;
          group.push(next);
          size += next.items.length;
        }
        try {
          const result = await this.run(group.flatMap((g) => g.items));
          for (const g of group) g.resolve(result);
        } catch (error) {
          for (const g of group) g.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
