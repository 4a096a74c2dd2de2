import { parseFailpoints } from './failpoints';

describe('parseFailpoints', () => {
  it('reads points with their counts, 1 by default', () => {
    expect([...parseFailpoints('ingest.after-commit=3, outbox.after-send')]).toEqual([
      ['ingest.after-commit', 3],
      ['outbox.after-send', 1],
    ]);
    expect(parseFailpoints(undefined).size).toBe(0);
  });

  it('refuses an unknown point and a count that is not a positive integer', () => {
    expect(() => parseFailpoints('ingest.after-comit=1')).toThrow(/unknown point "ingest.after-comit"/);
    expect(() => parseFailpoints('ingest.after-commit=0')).toThrow(/positive count/);
  });
});
