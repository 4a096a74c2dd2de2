import { OffsetCommits, PartitionOffset } from './offset-commits';

describe('OffsetCommits', () => {
  it('sends the commits of one turn as one request, and those of a later turn as another', async () => {
    const sent: PartitionOffset[][] = [];
    const commits = new OffsetCommits(async (offsets) => void sent.push(offsets));
    await Promise.all([
      commits.commit({ topic: 'crm', partition: 0, offset: '10' }),
      commits.commit({ topic: 'crm', partition: 1, offset: '4' }),
      commits.commit({ topic: 'erp', partition: 0, offset: '7' }),
    ]);
    await commits.commit({ topic: 'crm', partition: 0, offset: '12' });
    expect(sent).toEqual([
      [
        { topic: 'crm', partition: 0, offset: '10' },
        { topic: 'crm', partition: 1, offset: '4' },
        { topic: 'erp', partition: 0, offset: '7' },
      ],
      [{ topic: 'crm', partition: 0, offset: '12' }],
    ]);
  });

  it("commits a partition given twice in a turn at its highest offset, compared as numbers", async () => {
    const sent: PartitionOffset[][] = [];
    const commits = new OffsetCommits(async (offsets) => void sent.push(offsets));
    await Promise.all([commits.commit({ topic: 'crm', partition: 0, offset: '100' }), commits.commit({ topic: 'crm', partition: 0, offset: '99' })]);
    expect(sent).toEqual([[{ topic: 'crm', partition: 0, offset: '100' }]]);
  });

  it("tells every caller of the turn that the request failed, and sends the next turn's anyway", async () => {
    let calls = 0;
    const commits = new OffsetCommits(async () => {
      calls++;
      if (calls === 1) throw new Error('coordinator moved');
    });
    const results = await Promise.allSettled([commits.commit({ topic: 'crm', partition: 0, offset: '1' }), commits.commit({ topic: 'crm', partition: 1, offset: '1' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(commits.commit({ topic: 'crm', partition: 0, offset: '1' })).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
