import { GroupCommit } from './group-commit';

/** A transaction the test finishes by hand, to control what arrives while it runs. */
function manualRun() {
  const calls: { items: number[]; finish: (result?: string) => void; fail: (error: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ items, finish: (result = `stored ${items.join(',')}`) => resolve(result), fail: reject });
    });
  return { calls, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('stores a lone submission at once', async () => {
    const { calls, run } = manualRun();
    const commits = new GroupCommit(run, 100);
    const done = commits.submit([1, 2]);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2]]);
    calls[0].finish();
    await expect(done).resolves.toBe('stored 1,2');
  });

  it('groups what arrives while a transaction runs into the next one, in order', async () => {
    const { calls, run } = manualRun();
    const commits = new GroupCommit(run, 100);
    const first = commits.submit([1]);
    await tick();
    const second = commits.submit([2, 3]);
    const third = commits.submit([4]);
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await expect(first).resolves.toBe('stored 1');
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].finish();
    await expect(second).resolves.toBe('stored 2,3,4');
    await expect(third).resolves.toBe('stored 2,3,4');
  });

  it('keeps a group under its size, but never splits one submission', async () => {
    const { calls, run } = manualRun();
    const commits = new GroupCommit(run, 3);
    const results = [commits.submit([0]), commits.submit([1, 2]), commits.submit([3, 4]), commits.submit([5, 6, 7, 8])];
    for (let i = 0; i < 4; i++) {
      await tick();
      calls[i].finish();
    }
    await Promise.all(results);
    expect(calls.map((c) => c.items)).toEqual([[0], [1, 2], [3, 4], [5, 6, 7, 8]]);
  });

  it('fails every submission of a failed transaction, and goes on with the next ones', async () => {
    const { calls, run } = manualRun();
    const commits = new GroupCommit(run, 100);
    const first = commits.submit([1]);
    await tick();
    const second = commits.submit([2]);
    const third = commits.submit([3]);
    calls[0].finish();
    await first;
    await tick();
    calls[1].fail(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    const fourth = commits.submit([4]);
    await tick();
    calls[2].finish();
    await expect(fourth).resolves.toBe('stored 4');
  });

  it('refuses a group size that is not a positive integer', () => {
    expect(() => new GroupCommit(async () => undefined, 0)).toThrow('maxItems');
  });
});
