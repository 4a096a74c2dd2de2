import { sliceByLocks } from './ingest-batch.usecase';
import { Preparation } from './record-preparation';

/** A prepared message of one record with the given blocking keys (only what the slicing reads). */
const message = (sourceId: string, keys: string[]): Preparation =>
  ({ ok: true, message: { offset: sourceId }, payload: Buffer.alloc(0), records: [{ source: 'crm', sourceId, matchKeys: keys }] }) as unknown as Preparation;
const rejected = (offset: string): Preparation => ({ ok: false, message: { offset }, error: new Error('bad') }) as unknown as Preparation;
const ids = (slices: Preparation[][]) => slices.map((s) => s.map((p) => p.message.offset));

describe('sliceByLocks', () => {
  it('keeps a batch whole when its locks fit the budget', () => {
    const batch = [message('1', ['a', 'b']), message('2', ['b', 'c'])];
    expect(ids(sliceByLocks(batch, 5))).toEqual([['1', '2']]);
  });

  it('starts a new slice when the next message would pass the budget, counting shared keys once', () => {
    // 1 takes record:1, a, b (3); 2 adds record:2 and c (5); 3 would add record:3 and d (7 > 6)
    const batch = [message('1', ['a', 'b']), message('2', ['b', 'c']), message('3', ['d']), message('4', ['d'])];
    expect(ids(sliceByLocks(batch, 6))).toEqual([['1', '2'], ['3', '4']]);
  });

  it('keeps the order of the messages, and puts a message over the budget on its own', () => {
    const batch = [message('1', ['a']), message('2', ['k1', 'k2', 'k3', 'k4']), message('3', ['a'])];
    expect(ids(sliceByLocks(batch, 3))).toEqual([['1'], ['2'], ['3']]);
  });

  it('counts no lock for a message that does not decode', () => {
    const batch = [message('1', ['a']), rejected('2'), rejected('3'), message('4', ['a'])];
    expect(ids(sliceByLocks(batch, 3))).toEqual([['1', '2', '3', '4']]);
  });

  it('gives no slice for no message', () => {
    expect(sliceByLocks([], 10)).toEqual([]);
  });
});
