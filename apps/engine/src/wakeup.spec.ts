import { Wakeup } from './wakeup';

/** How a wait ended: 'woken' before `ms`, or 'timeout'. */
async function outcome(wait: Promise<void>, ms: number): Promise<'woken' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const result = await Promise.race([wait.then(() => 'woken' as const), timeout]);
  clearTimeout(timer);
  return result;
}

describe('Wakeup', () => {
  it('ends a wait when its time is up', async () => {
    const wakeup = new Wakeup();
    const started = Date.now();
    await wakeup.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('ends a wakeable wait under way on wake', async () => {
    const wakeup = new Wakeup();
    const wait = wakeup.wait(10_000);
    wakeup.wake();
    expect(await outcome(wait, 1000)).toBe('woken');
  });

  it('keeps a wake sent while no wait is under way for the next wait, once', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    expect(await outcome(wakeup.wait(10_000), 1000)).toBe('woken');
    // consumed: the wait after it lasts its time
    expect(await outcome(wakeup.wait(10_000), 100)).toBe('timeout');
    wakeup.stop();
  });

  it('does not end a wait that is not wakeable on wake, and keeps the wake for the next wakeable wait', async () => {
    const wakeup = new Wakeup();
    const wait = wakeup.wait(10_000, false);
    wakeup.wake();
    expect(await outcome(wait, 100)).toBe('timeout');
    wakeup.stop();
    expect(await outcome(wait, 1000)).toBe('woken');
    const other = new Wakeup();
    const givingWay = other.wait(50, false);
    other.wake();
    await givingWay;
    expect(await outcome(other.wait(10_000), 1000)).toBe('woken');
  });

  it('ends every wait at once after stop, wakeable or not', async () => {
    const wakeup = new Wakeup();
    wakeup.stop();
    expect(await outcome(wakeup.wait(10_000), 1000)).toBe('woken');
    expect(await outcome(wakeup.wait(10_000, false), 1000)).toBe('woken');
  });
});
