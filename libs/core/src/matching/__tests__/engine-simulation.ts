import { join } from 'node:path';
import { generateRows } from '../../generator';
import { CanonicalAttributes, PartyKind } from '../../model/attributes';
import { MemberRecord } from '../../golden/member-record';
import { matchRecordOf, standardizedIsGeneric } from '../../resolution/standardized-match-record';
import { standardizeRecord } from '../../standardization/standardize-record';
import { NotAMatchSet } from '../deterministic-rules';
import { extractFeatures } from '../features';
import { GoldenCluster, incrementalBlockingKeys } from '../incremental';
import { LocalClusteringOptions, LocalPlan, linkedGoldenIds, reclusterLocally } from '../local-reclustering';
import { MatchModel } from '../match-model';
import { MatchRecord } from '../match-record';
import { loadModels } from '../model-io';
import { ModelsByKind, modelForKind } from '../resolve-records';

/** The shipped model and settings (config/matching.yaml). */
export const SHIPPED_MODELS: ModelsByKind = loadModels(join(__dirname, '../../../../../config/matching/model.json'));
export const SHIPPED_OPTIONS: LocalClusteringOptions = {
  thresholds: { link: 0.5, review: 0.1 },
  minAverageProbability: 0.4,
  isGeneric: standardizedIsGeneric,
  defaultCountry: 'FR',
  uniqueSources: ['erp'],
};

/**
 * Generated French customers standardized like the engine does it (`matchRecordOf` over
 * `standardizeRecord`), with their true entity and the member record survivorship reads.
 */
export function generatedRecords(records: number, seed: number): { records: MatchRecord[]; entity: Map<string, string>; members: Map<string, MemberRecord> } {
  const out: MatchRecord[] = [];
  const entity = new Map<string, string>();
  const members = new Map<string, MemberRecord>();
  for (const row of generateRows({ records, seed })) {
    const attributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (value === '' || ['record_id', 'source', 'entity_id', 'kind'].includes(key)) continue;
      attributes[key] = key === 'email' || key === 'phone' ? value.split('|') : key === 'emailOptIn' || key === 'smsOptIn' ? value === 'true' : value;
    }
    const kind = row.kind as PartyKind;
    const raw = attributes as CanonicalAttributes;
    const result = standardizeRecord(kind, raw, { defaultCountry: 'FR' });
    out.push(matchRecordOf(row.record_id, row.source, kind, raw, result, 'FR'));
    entity.set(row.record_id, row.entity_id);
    members.set(row.record_id, {
      source: row.source,
      sourceId: row.record_id,
      attributes: result.standardized,
      versionAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : '2026-01-01T00:00:00.000Z',
      findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, attribute: f.attribute })),
    });
  }
  return { records: out, entity, members };
}

interface SimGolden {
  goldenId: string;
  createdAt: string;
  kind: string;
  members: Map<string, MatchRecord>;
  component: string;
}

export interface SimulationCost {
  plans: number;
  /** Records re-clustered per plan. */
  localRecords: number[];
  pairsScored: number;
  capped: number;
  /** The whole simulation (key index, candidate look-ups, linkedGoldenIds, plans applied). */
  seconds: number;
  /** In reclusterLocally alone. */
  reclusterSeconds: number;
}

/**
 * The engine in memory: golden records, a keyed candidate index (the match_key table), a
 * component index (one column on the golden record), and the plans applied step by step as the
 * engine would. Each batch is one plan per kind.
 */
export class EngineSimulation {
  readonly goldens = new Map<string, SimGolden>();
  private readonly goldenOf = new Map<string, string>();
  private readonly keyIndex = new Map<string, Set<string>>();
  private readonly components = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();
  private sequence = 0;
  readonly cost: SimulationCost = { plans: 0, localRecords: [], pairsScored: 0, capped: 0, seconds: 0, reclusterSeconds: 0 };

  constructor(
    private readonly models: ModelsByKind = SHIPPED_MODELS,
    private readonly options: LocalClusteringOptions = SHIPPED_OPTIONS,
    /**
     * What to re-cluster with the incoming records: the whole components of the golden records they
     * link to (`linkedGoldenIds`, the default), the whole components of every candidate, or only
     * the candidates themselves (no closure: order dependent, the negative control).
     */
    private readonly localSet: 'linked-components' | 'candidate-components' | 'candidates' = 'linked-components',
  ) {}

  ingest(batch: readonly MatchRecord[]): void {
    const started = performance.now();
    const kinds = [...new Set(batch.map((r) => r.kind ?? 'any'))].sort();
    for (const kind of kinds) this.ingestKind(batch.filter((r) => (r.kind ?? 'any') === kind));
    this.cost.seconds += (performance.now() - started) / 1000;
  }

  /** Re-clusters the components of these golden records (after a steward decision). */
  recluster(goldenIds: readonly string[], notAMatch: NotAMatchSet): LocalPlan {
    const kind = this.goldens.get(goldenIds[0])!.kind;
    const local = this.componentsOf(goldenIds);
    const plan = this.plan([], local, this.model(kind), { ...this.options, notAMatch });
    this.apply(plan, []);
    return plan;
  }

  goldenIdOf(recordId: string): string | undefined {
    return this.goldenOf.get(recordId);
  }

  /** Record ids per golden record, sorted: the partition, ids aside. */
  partition(): string[][] {
    return [...this.goldens.values()].map((g) => [...g.members.keys()].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  private model(kind: string) {
    const model = modelForKind(this.models, kind as PartyKind);
    if (!model) throw new Error(`no model for ${kind}`);
    return model;
  }

  private ingestKind(records: MatchRecord[]): void {
    const model = this.model(records[0].kind ?? 'any');
    // candidates: golden records holding a record that shares a key, and the records' own
    const candidatesOf = new Map<string, Set<string>>();
    for (const record of records) {
      const keys = this.options.keysOf ? [...this.options.keysOf(extractFeatures(record, this.options))] : incrementalBlockingKeys(record, this.options);
      this.keysOf.set(record.id, keys);
      const found = new Set<string>();
      for (const key of keys) for (const id of this.keyIndex.get(key) ?? []) if (this.goldenOf.has(id)) found.add(this.goldenOf.get(id)!);
      candidatesOf.set(record.id, found);
    }
    const own = records.map((r) => this.goldenOf.get(r.id)).filter((g): g is string => g !== undefined);
    const candidates = new Set([...candidatesOf.values()].flatMap((c) => [...c]));
    let seeds: string[];
    if (this.localSet === 'candidates') {
      const plan = this.plan(records, [...new Set([...candidates, ...own])].sort().map((id) => this.cluster(id)), model, this.options);
      this.apply(plan, records);
      return;
    }
    if (this.localSet === 'candidate-components') seeds = [...candidates, ...own];
    else {
      // the engine's first query gives each record's candidates; only the linked ones' components are loaded
      const linked = new Set<string>(own);
      for (const record of records) {
        const clusters = [...candidatesOf.get(record.id)!].map((id) => this.cluster(id));
        for (const id of linkedGoldenIds(record, clusters, model, this.options)) linked.add(id);
      }
      seeds = [...linked];
    }
    const local = this.componentsOf(seeds);
    this.apply(this.plan(records, local, model, this.options), records);
  }

  private plan(records: readonly MatchRecord[], local: GoldenCluster[], model: MatchModel, options: LocalClusteringOptions): LocalPlan {
    const started = performance.now();
    const plan = reclusterLocally(records, local, model, options);
    this.cost.reclusterSeconds += (performance.now() - started) / 1000;
    return plan;
  }

  private cluster(goldenId: string): GoldenCluster {
    const g = this.goldens.get(goldenId)!;
    // the component index is given, as the engine gives it (golden_record.component)
    return { goldenId, createdAt: g.createdAt, members: [...g.members.values()], ...(g.component ? { component: g.component } : {}) };
  }

  /** Every golden record of the components of these golden records. */
  private componentsOf(goldenIds: readonly string[]): GoldenCluster[] {
    const all = new Set<string>();
    for (const id of goldenIds) for (const other of this.components.get(this.goldens.get(id)!.component) ?? [id]) all.add(other);
    return [...all].sort().map((id) => this.cluster(id));
  }

  private apply(plan: LocalPlan, incoming: readonly MatchRecord[]): void {
    this.cost.plans++;
    this.cost.localRecords.push(plan.stats.records);
    this.cost.pairsScored += plan.stats.pairsScored;
    if (plan.capped) this.cost.capped++;
    const version = new Map(incoming.map((r) => [r.id, r]));
    const kind = incoming[0]?.kind ?? this.goldens.get(plan.clusters[0].goldenId)?.kind ?? 'any';
    const ids = new Map<string, string>();
    const idOf = (ref: string) => ids.get(ref) ?? ref;
    const touched = new Set<string>();
    for (const step of plan.steps) {
      if (step.type === 'create') {
        const goldenId = `g${++this.sequence}`;
        ids.set(step.ref, goldenId);
        this.goldens.set(goldenId, { goldenId, createdAt: new Date(Date.UTC(2026, 0, 1) + this.sequence * 1000).toISOString(), kind, members: new Map(), component: '' });
      } else if (step.type === 'merge') {
        for (const merged of step.mergedIds) {
          // every remaining member moves to the survivor (the move steps list the loaded ones)
          const from = this.goldens.get(merged)!;
          for (const [id, record] of from.members) {
            this.goldens.get(step.survivorId)!.members.set(id, record);
            this.goldenOf.set(id, step.survivorId);
          }
          this.forget(merged);
        }
      } else {
        const to = idOf(step.to);
        const record = version.get(step.recordId) ?? this.goldens.get(step.from!)?.members.get(step.recordId) ?? this.goldens.get(to)!.members.get(step.recordId)!;
        if (step.from !== null) this.goldens.get(step.from)?.members.delete(step.recordId);
        this.goldens.get(to)!.members.set(step.recordId, record);
        this.goldenOf.set(step.recordId, to);
      }
    }
    // new versions of records that stayed where they were
    for (const record of incoming) this.goldens.get(this.goldenOf.get(record.id)!)!.members.set(record.id, record);
    for (const record of incoming) for (const key of this.keysOf.get(record.id) ?? []) {
      const holders = this.keyIndex.get(key);
      if (holders) holders.add(record.id);
      else this.keyIndex.set(key, new Set([record.id]));
    }
    // the component index
    for (const cluster of plan.clusters) {
      const goldenId = idOf(cluster.goldenId);
      touched.add(goldenId);
      const golden = this.goldens.get(goldenId)!;
      const members = [...golden.members.keys()].sort();
      if (members.join() !== cluster.members.join()) throw new Error(`golden ${goldenId} holds ${members.join()} instead of ${cluster.members.join()}`);
      this.components.get(golden.component)?.delete(goldenId);
      golden.component = cluster.component;
      const set = this.components.get(cluster.component);
      if (set) set.add(goldenId);
      else this.components.set(cluster.component, new Set([goldenId]));
    }
    for (const g of this.goldens.values()) if (g.members.size === 0) throw new Error(`golden ${g.goldenId} left empty`);
  }

  private forget(goldenId: string): void {
    const golden = this.goldens.get(goldenId)!;
    this.components.get(golden.component)?.delete(goldenId);
    this.goldens.delete(goldenId);
  }
}
