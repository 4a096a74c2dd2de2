import { QueueUpkeep } from './queue-upkeep';

describe('QueueUpkeep', () => {
  const fail = (error: unknown) => {
    throw new Error(`no vacuum should fail here: ${String(error)}`);
  };

  it('vacuums the table once enough rows were taken since the last vacuum', async () => {
    const statements: string[] = [];
    const run = async (sql: string) => statements.push(sql);
    const upkeep = new QueueUpkeep('outbox', 100, fail);
    expect(await upkeep.taken(60, run)).toBe(false);
    expect(await upkeep.taken(39, run)).toBe(false);
    expect(statements).toEqual([]);
    expect(await upkeep.taken(1, run)).toBe(true);
    expect(statements).toEqual(['VACUUM (SKIP_LOCKED) outbox']);
    // the count starts again after a vacuum
    expect(await upkeep.taken(99, run)).toBe(false);
    expect(await upkeep.taken(250, run)).toBe(true);
    expect(statements).toHaveLength(2);
  });

  it('never vacuums when told not to, and counts no empty take', async () => {
    const statements: string[] = [];
    const run = async (sql: string) => statements.push(sql);
    const off = new QueueUpkeep('near_name_queue', 0, fail);
    expect(await off.taken(1_000_000, run)).toBe(false);
    const on = new QueueUpkeep('near_name_queue', 1, fail);
    expect(await on.taken(0, run)).toBe(false);
    expect(statements).toEqual([]);
    expect(await on.taken(1, run)).toBe(true);
    expect(statements).toEqual(['VACUUM (SKIP_LOCKED) near_name_queue']);
  });

  it('tells a failed vacuum instead of throwing it, and tries again after as many rows more', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const run = async () => {
      calls++;
      if (calls === 1) throw new Error('lock timeout');
    };
    const upkeep = new QueueUpkeep('outbox', 10, (error) => failures.push(error));
    expect(await upkeep.taken(10, run)).toBe(false);
    expect(failures).toHaveLength(1);
    expect(await upkeep.taken(9, run)).toBe(false);
    expect(await upkeep.taken(1, run)).toBe(true);
    expect(calls).toBe(2);
  });
});
