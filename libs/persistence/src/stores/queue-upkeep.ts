/** The tables the engine reads as queues: rows are taken from one end while new ones come in at the other. */
export type QueueTable = 'outbox' | 'near_name_queue';

/**
 * Keeps a queue table lean. Every row taken from a queue (an outbox row marked published, a
 * near-name row deleted) leaves a dead index entry that each later read of the queue's head walks
 * past until a vacuum removes it; on a PostgreSQL whose autovacuum is off or behind, a poll of an
 * empty outbox read 174 index pages after 63,000 published rows (0.9 ms, against 0.06 once
 * vacuumed), and it grows with every row published. So the engine vacuums the table itself after
 * every `everyRows` rows it took (0: never). `SKIP_LOCKED`: a vacuum another session is running is
 * not waited for.
 */
export class QueueUpkeep {
  private sinceVacuum = 0;

  /** `failed` is told of a vacuum that failed: the rows taken are committed, and the next vacuum comes after `everyRows` more. */
  constructor(
    private readonly table: QueueTable,
    private readonly everyRows: number,
    private readonly failed: (error: unknown) => void,
  ) {}

  /**
   * Counts rows taken from the queue; once `everyRows` have been since the last vacuum, vacuums the
   * table through `run`, which must be outside a transaction (VACUUM cannot run in one). Returns
   * whether it vacuumed; a failure is told to `failed`, never thrown.
   */
  async taken(rows: number, run: (sql: string) => Promise<unknown>): Promise<boolean> {
    if (this.everyRows <= 0 || rows <= 0) return false;
    this.sinceVacuum += rows;
    if (this.sinceVacuum < this.everyRows) return false;
    this.sinceVacuum = 0;
    try {
      await run(`VACUUM (SKIP_LOCKED) ${this.table}`);
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }
}
