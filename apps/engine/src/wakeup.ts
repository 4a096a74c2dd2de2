/**
 * The wait of a background loop (the outbox relay, the near-name reviewer) between rounds: it ends
 * when its time is up, or earlier when someone has work for the loop (`wake`). A wake that comes
 * while no wait is under way (the loop is busy with a round that may have read before the new work
 * was committed) is kept for the next wait, which then returns at once: no commit waits for the
 * poll interval because it came a moment too early.
 */
export class Wakeup {
  private pending = false;
  private stopped = false;
  private end: ((woken: boolean) => void) | null = null;

  /** Ends the wakeable wait under way, or the next one if none is. */
  wake(): void {
    this.pending = true;
    this.end?.(true);
  }

  /** The loop is stopping: ends the wait under way, wakeable or not, and every later one at once. */
  stop(): void {
    this.stopped = true;
    this.end?.(false);
  }

  /**
   * Waits `ms`. A wakeable wait also ends on `wake` (at once if one came since the last wakeable
   * wait); one that is not ends only on `stop`, and leaves a wake for the next.
   */
  wait(ms: number, wakeable = true): Promise<void> {
    if (this.stopped || (wakeable && this.pending)) {
      if (wakeable) this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.end = null;
        if (wakeable) this.pending = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.end = (woken) => {
        if (!woken || wakeable) finish();
      };
    });
  }
}
