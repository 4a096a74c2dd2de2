import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { computeGoldenValues } from '../golden/survivorship';
import { parseSurvivorshipPolicy } from '../golden/survivorship-policy';
import { PartyKind } from '../model/attributes';
import { standardizedIsGeneric } from '../resolution/standardized-match-record';
import { EngineSimulation, generatedRecords, SHIPPED_MODELS, SHIPPED_OPTIONS } from './__tests__/engine-simulation';
import { NotAMatchSet } from './deterministic-rules';
import { LocalClusteringOptions, reclusterLocally } from './local-reclustering';
import { MatchRecord } from './match-record';
import { modelForKind, resolveRecords } from './resolve-records';

/**
 * The product requirement: the same source records, in any arrival order and any cut into
 * batches, give the same clusters and the same golden values (ids aside). The engine is simulated
 * in memory (`EngineSimulation`: a keyed candidate index like match_key, a component index, plans
 * applied step by step) over 300 generated French records scored with the shipped model.
 */
const { records, members } = generatedRecords(300, 1);
const policy = parseSurvivorshipPolicy(parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'survivorship.yaml'), 'utf8')), 'survivorship.yaml');
const byFirst = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Re-clustering every record at once (what the incremental path must end with). */
function wholePartition(all: readonly MatchRecord[], options: LocalClusteringOptions): string[][] {
  const partition: string[][] = [];
  for (const kind of ['organization', 'person'] as PartyKind[]) {
    const plan = reclusterLocally(all.filter((r) => r.kind === kind), [], modelForKind(SHIPPED_MODELS, kind)!, { ...options, maxLocalRecords: Infinity });
    partition.push(...plan.clusters.map((c) => c.members));
  }
  return partition.sort(byFirst);
}

/** Golden values of every cluster, members taken in the order the simulation holds them (arrival order). */
function goldenValues(clusters: readonly (readonly string[])[]): string[] {
  return clusters.map((ids) => JSON.stringify(computeGoldenValues(records.find((r) => r.id === ids[0])!.kind!, ids.map((id) => members.get(id)!), policy))).sort();
}

function simulate(
  order: readonly number[],
  batchSizes: readonly number[],
  options: LocalClusteringOptions = SHIPPED_OPTIONS,
  localSet: 'linked-components' | 'candidate-components' = 'linked-components',
): EngineSimulation {
  const sim = new EngineSimulation(SHIPPED_MODELS, options, localSet);
  for (let start = 0, b = 0; start < order.length; b++) {
    const size = batchSizes[b % batchSizes.length];
    sim.ingest(order.slice(start, start + size).map((i) => records[i]));
    start += size;
  }
  return sim;
}

const indices = records.map((_, i) => i);
const permutation = fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length });
/** One record at a time, or batches of 1 to 40 records (sizes repeat cyclically). */
const batches = fc.oneof(fc.constant([1]), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }));

describe('order independence of the incremental path (property, 300 generated records, shipped model)', () => {
  const expected = wholePartition(records, SHIPPED_OPTIONS);
  const expectedValues = goldenValues(expected);

  it('gives the same clusters and golden values for any arrival order and any cut into batches', () => {
    fc.assert(
      fc.property(permutation, batches, (order, sizes) => {
        const sim = simulate(order, sizes);
        expect(sim.partition()).toEqual(expected);
        // members in the order they arrived: survivorship must not care
        expect(goldenValues([...sim.goldens.values()].map((g) => [...g.members.keys()]))).toEqual(expectedValues);
        expect(sim.cost.capped).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same when, as the engine does, the components of every candidate are re-clustered (their cross pairs unscored)', () => {
    fc.assert(
      fc.property(permutation, batches, (order, sizes) => {
        const sim = simulate(order, sizes, SHIPPED_OPTIONS, 'candidate-components');
        expect(sim.partition()).toEqual(expected);
        expect(sim.cost.capped).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  describe("with a steward's not-a-match decisions", () => {
    // split the first two records of the first five clusters of two or more
    const pairs = expected.filter((c) => c.length >= 2).slice(0, 5).map((c) => [c[0], c[1]] as [string, string]);
    const notAMatch = new NotAMatchSet(pairs);
    const decided = wholePartition(records, { ...SHIPPED_OPTIONS, notAMatch });
    const apart = (partition: string[][]) => pairs.every(([a, b]) => !partition.some((c) => c.includes(a) && c.includes(b)));

    it('changes the clustering (the decisions matter)', () => {
      expect(pairs).toHaveLength(5);
      expect(decided).not.toEqual(expected);
      expect(apart(expected)).toBe(false);
      expect(apart(decided)).toBe(true);
    });

    it('ends with the same clusters, the decided pairs apart, whether the decisions come before or after the records', () => {
      fc.assert(
        fc.property(permutation, batches, fc.integer({ min: 0, max: 300 }), (order, sizes, decideAfter) => {
          // decisions known from the start
          const before = simulate(order, sizes, { ...SHIPPED_OPTIONS, notAMatch });
          expect(before.partition()).toEqual(decided);
          // decisions taken once `decideAfter` records arrived: each re-clusters the components of its two records
          const later = new NotAMatchSet();
          const sim = new EngineSimulation(SHIPPED_MODELS, { ...SHIPPED_OPTIONS, notAMatch: later });
          const decide = () => {
            for (const [a, b] of pairs) {
              later.add(a, b);
              const goldens = [a, b].map((id) => sim.goldenIdOf(id)).filter((g): g is string => g !== undefined);
              if (goldens.length > 0) sim.recluster(goldens, later);
            }
          };
          order.forEach((i, k) => {
            if (k === decideAfter) decide();
            sim.ingest([records[i]]);
          });
          if (decideAfter >= order.length) decide();
          expect(sim.partition()).toEqual(decided);
        }),
        { numRuns: 15 },
      );
    });
  });

  it('equals the batch clustering of resolveRecords with the same model, but for the ERP duplicates batch does not know about', () => {
    const batch = resolveRecords(records, { models: SHIPPED_MODELS, thresholds: SHIPPED_OPTIONS.thresholds, isGeneric: standardizedIsGeneric, defaultCountry: 'FR' });
    const groups = new Map<string, string[]>();
    records.forEach((r, i) => groups.set(batch.clusterIds[i], [...(groups.get(batch.clusterIds[i]) ?? []), r.id]));
    const batchPartition = [...groups.values()].map((g) => g.sort()).sort(byFirst);
    // without the unique-source rule: the same partition
    expect(wholePartition(records, { ...SHIPPED_OPTIONS, uniqueSources: [] })).toEqual(batchPartition);
    // with it: batch clusters holding two ERP records are cut, nothing else changes
    const local = new Set(expected.map(String));
    const differing = batchPartition.filter((c) => !local.has(String(c)));
    expect(differing.map((c) => c.filter((id) => id.startsWith('erp-')).length >= 2)).toEqual(differing.map(() => true));
    expect(differing.length).toBe(1);
    for (const c of expected) expect(batchPartition.some((b) => c.every((id) => b.includes(id)))).toBe(true);
  });
});
