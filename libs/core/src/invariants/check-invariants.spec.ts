import { ObservedState, checkInvariants, compareGoldenStates, digestGoldenState } from './check-invariants';

/** Two messages, three records, two golden records, each change published: everything holds. */
function healthy(): ObservedState {
  return {
    messages: [
      { position: 'src.crm:0:0', records: [{ source: 'crm', sourceId: 'a' }, { source: 'crm', sourceId: 'b' }] },
      { position: 'src.erp:0:0', records: [{ source: 'erp', sourceId: 'x' }] },
      { position: 'src.erp:0:1', records: null },
    ],
    deadLetters: ['src.erp:0:1'],
    xref: [
      { source: 'crm', sourceId: 'a', goldenId: 'g1' },
      { source: 'erp', sourceId: 'x', goldenId: 'g1' },
      { source: 'crm', sourceId: 'b', goldenId: 'g2' },
    ],
    golden: [
      { id: 'g1', status: 'active', sources: [{ source: 'crm', sourceId: 'a' }, { source: 'erp', sourceId: 'x' }] },
      { id: 'g2', status: 'active', sources: [{ source: 'crm', sourceId: 'b' }] },
    ],
    erased: [],
    history: [
      { goldenId: 'g1', version: 1 },
      { goldenId: 'g1', version: 2 },
      { goldenId: 'g2', version: 1 },
    ],
    outboxEvents: [
      { goldenId: 'g1', version: 1 },
      { goldenId: 'g1', version: 2 },
      { goldenId: 'g2', version: 1 },
    ],
    publishedEvents: [
      { goldenId: 'g1', version: 1 },
      { goldenId: 'g1', version: 1 },
      { goldenId: 'g1', version: 2 },
      { goldenId: 'g2', version: 1 },
    ],
  };
}

const names = (state: ObservedState) => checkInvariants(state).violations.map((v) => `${v.invariant} ${v.subject}`);

describe('checkInvariants', () => {
  it('accepts a consistent state, redelivered events included, and counts what it saw', () => {
    const report = checkInvariants(healthy());
    expect(report).toEqual({ ok: true, violations: [], counts: { messages: 3, deadLetters: 1, records: 3, goldenRecords: 2, changes: 3 } });
  });

  it('finds an accepted record in no golden record', () => {
    const state = healthy();
    state.xref = state.xref.filter((x) => x.sourceId !== 'b');
    state.golden[1].sources = [];
    expect(names(state)).toEqual(['accepted-record-lost src.crm:0:0']);
  });

  it('finds a message that neither decodes nor reached the dead-letter topic', () => {
    const state = healthy();
    state.deadLetters = [];
    expect(names(state)).toEqual(['accepted-record-lost src.erp:0:1']);
  });

  it('accepts an erased record without a golden record', () => {
    const state = healthy();
    state.xref = state.xref.filter((x) => x.sourceId !== 'b');
    state.golden[1].status = 'erased';
    state.erased = [{ source: 'crm', sourceId: 'b' }];
    expect(checkInvariants(state).ok).toBe(true);
  });

  it('finds a record in two golden records', () => {
    const state = healthy();
    state.golden[1].sources.push({ source: 'crm', sourceId: 'a' });
    expect(names(state)).toEqual(['record-in-two-golden-records crm:a']);
  });

  it('finds a record linked to a golden record that was merged away', () => {
    const state = healthy();
    state.golden[1].status = 'merged';
    expect(names(state)).toEqual(['record-linked-to-inactive-golden crm:b']);
  });

  it('finds members and cross-references that disagree, both ways', () => {
    const state = healthy();
    state.xref[2] = { source: 'crm', sourceId: 'b', goldenId: 'g1' };
    expect(names(state)).toEqual(['golden-members-disagree-with-xref crm:b', 'golden-members-disagree-with-xref crm:b']);
  });

  it('finds a change with no outbox row, one with two, and one never published', () => {
    const state = healthy();
    state.outboxEvents = [{ goldenId: 'g1', version: 1 }, { goldenId: 'g1', version: 2 }, { goldenId: 'g1', version: 2 }];
    state.publishedEvents = state.publishedEvents.filter((e) => e.goldenId !== 'g2');
    expect(names(state)).toEqual(['change-with-several-outbox-rows g1@2', 'change-without-outbox-row g2@1', 'change-not-published g2@1']);
  });
});

describe('compareGoldenStates', () => {
  const golden = (id: string, members: string[], attributes: unknown) => ({
    id,
    status: 'active',
    sources: members.map((m) => ({ source: m.split(':')[0], sourceId: m.split(':')[1] })),
    attributes,
  });

  it('finds no difference when the same records are together with the same values, whatever the ids and key order', () => {
    const live = digestGoldenState([golden('g1', ['crm:a', 'erp:x'], { a: 1, b: [1, 2] }), golden('g2', ['crm:b'], {})]);
    const replay = digestGoldenState([golden('r2', ['crm:b'], {}), golden('r1', ['erp:x', 'crm:a'], { b: [1, 2], a: 1 })]);
    expect(compareGoldenStates(live, replay)).toEqual([]);
  });

  it('names clusters split or joined differently and values that differ', () => {
    const live = digestGoldenState([golden('g1', ['crm:a', 'erp:x'], { a: 1 }), golden('g2', ['crm:b'], { a: 2 })]);
    const replay = digestGoldenState([golden('r1', ['crm:a'], { a: 1 }), golden('r3', ['erp:x'], { a: 1 }), golden('r2', ['crm:b'], { a: 3 })]);
    expect(compareGoldenStates(live, replay)).toEqual([
      'live cluster [crm:a erp:x] does not exist in the replay',
      'cluster [crm:b] has other values in the replay',
      'replay cluster [crm:a] does not exist live',
      'replay cluster [erp:x] does not exist live',
    ]);
  });
});
