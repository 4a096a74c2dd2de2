/**
 * The row stream: creates parties one after the other, gives each 1..N source records spread over
 * the sources, and emits the rows through a bounded shuffle window so the records of one party are
 * not adjacent. Memory stays constant whatever the number of rows.
 */
import { EntityFactory, Organization, Party, Person } from './entities';
import { DEFAULT_ERROR_PROBABILITIES, ErrorProbabilities, SourceName, SOURCES } from './noise';
import { Rng, WeightedList } from './prng';
import { RecordRenderer } from './records';
import { GeneratedRow } from './row';

export interface GeneratorOptions {
  /** Exact number of rows to produce. */
  records: number;
  /** Seed of the random stream (default 1): the same seed gives the same rows. */
  seed?: number;
  /** Sources to produce records for (default all four: erp, crm, ecommerce, forms). */
  sources?: string[];
  /** Scales every error probability: 0 = clean values in each source's house format, 1 = the default model. */
  errorRate?: number;
  /** Overrides of the base error probabilities (before errorRate and the source noise levels are applied). */
  errors?: Partial<ErrorProbabilities>;
  /** Size of the shuffle window, in rows (default 10,000). 1 keeps the records of a party together. */
  shuffleWindow?: number;
}

/** Counts of a finished (or ongoing) run. */
export interface GenerationStats {
  rows: number;
  entities: number;
  persons: number;
  organizations: number;
  /** Persons attached to a company (a subset of persons). */
  contacts: number;
  /** Sum over clusters of n(n-1)/2: the number of true matching pairs. */
  truePairs: number;
  rowsBySource: Record<string, number>;
  rowsByKind: { person: number; organization: number };
  /** Cluster size → number of entities with that many records. */
  clusterSizes: Record<number, number>;
}

/** Share of organizations among the parties (the rest are persons: consumers and contacts). */
const ORGANIZATION_SHARE = 0.35;
/** Contacts per organization: 0 (55 %), 1 (25 %), 2 (12 %), 3 (5 %), 4–6 (3 %); mean ≈ 0.79. */
const CONTACTS = new WeightedList<number>([[0, 55], [1, 25], [2, 12], [3, 5], [4, 1.2], [5, 1], [6, 0.8]]);
const MEAN_CONTACTS = 0.79;
/** Records per party: many singletons, some 2–6, rarely more. */
const CLUSTER_SIZES = new WeightedList<number>([
  [1, 58], [2, 20], [3, 10], [4, 5.5], [5, 3], [6, 2], [7, 0.6], [8, 0.4], [9, 0.3], [10, 0.2],
]);
/** Where each kind of party has records. */
const SOURCE_WEIGHTS: Readonly<Record<'organization' | 'consumer' | 'contact', Readonly<Record<SourceName, number>>>> = {
  organization: { erp: 0.42, crm: 0.38, ecommerce: 0.08, forms: 0.12 },
  consumer: { erp: 0, crm: 0.15, ecommerce: 0.55, forms: 0.3 },
  contact: { erp: 0, crm: 0.6, ecommerce: 0.1, forms: 0.3 },
};
/** Weight multiplier for a source that already holds a record of the party: duplicates are rare in the ERP, common in the CRM and forms. */
const DUPLICATE_FACTOR: Readonly<Record<SourceName, number>> = { erp: 0.03, crm: 0.8, ecommerce: 0.25, forms: 1.2 };
/** Among households, the share of new consumers who live with a recent one (same address, often same name and landline). */
const HOUSEHOLD_SHARE = 0.06;
const HOUSEHOLD_RING = 64;

type Role = keyof typeof SOURCE_WEIGHTS;

function validate(options: GeneratorOptions): { records: number; seed: number; sources: SourceName[]; errorRate: number; window: number } {
  const { records } = options;
  if (!Number.isSafeInteger(records) || records < 0) throw new RangeError(`records must be a non-negative integer, got ${records}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const errorRate = options.errorRate ?? 1;
  if (!(errorRate >= 0 && errorRate <= 1)) throw new RangeError(`errorRate must be between 0 and 1, got ${errorRate}`);
  const requested = options.sources ?? [...SOURCES];
  const sources: SourceName[] = [];
  for (const s of requested) {
    if (!(SOURCES as readonly string[]).includes(s)) throw new RangeError(`unknown source "${s}" (known: ${SOURCES.join(', ')})`);
    if (!sources.includes(s as SourceName)) sources.push(s as SourceName);
  }
  if (sources.length === 0) throw new RangeError('at least one source is needed');
  const window = options.shuffleWindow ?? 10_000;
  if (!Number.isSafeInteger(window) || window < 1) throw new RangeError(`shuffleWindow must be a positive integer, got ${window}`);
  return { records, seed, sources, errorRate, window };
}

export function emptyStats(): GenerationStats {
  return {
    rows: 0,
    entities: 0,
    persons: 0,
    organizations: 0,
    contacts: 0,
    truePairs: 0,
    rowsBySource: {},
    rowsByKind: { person: 0, organization: 0 },
    clusterSizes: {},
  };
}

/**
 * Generates exactly `options.records` rows, deterministically from the seed, streaming.
 * `stats` is filled as rows are produced and is complete once the iteration ends.
 */
export function generateRowsWithStats(options: GeneratorOptions): { rows: Generator<GeneratedRow>; stats: GenerationStats } {
  const config = validate(options);
  const base: ErrorProbabilities = { ...DEFAULT_ERROR_PROBABILITIES, ...options.errors };
  for (const [key, value] of Object.entries(base)) {
    if (!(typeof value === 'number' && value >= 0 && value <= 1)) throw new RangeError(`error probability ${key} must be between 0 and 1, got ${String(value)}`);
  }
  const stats = emptyStats();
  for (const s of config.sources) stats.rowsBySource[s] = 0;
  return { rows: rowStream(config, base, stats), stats };
}

/** Generates exactly `options.records` rows, deterministically from the seed, streaming. */
export function generateRows(options: GeneratorOptions): Generator<GeneratedRow> {
  return generateRowsWithStats(options).rows;
}

function* rowStream(
  config: ReturnType<typeof validate>,
  base: ErrorProbabilities,
  stats: GenerationStats,
): Generator<GeneratedRow> {
  const rng = new Rng(config.seed);
  const factory = new EntityFactory(rng);
  const renderer = new RecordRenderer(rng, base, config.errorRate);
  const enabled = new Set(config.sources);
  const roleSources = {} as Record<Role, { sources: SourceName[]; weights: number[] }>;
  for (const role of Object.keys(SOURCE_WEIGHTS) as Role[]) {
    const sources = config.sources.filter((s) => SOURCE_WEIGHTS[role][s] > 0);
    roleSources[role] = { sources, weights: sources.map((s) => SOURCE_WEIGHTS[role][s]) };
  }
  const personsPossible = roleSources.consumer.sources.length > 0;
  // Probability of drawing an organization so that organizations are ORGANIZATION_SHARE of the parties
  // once their contacts are counted: p / (1 + p·k) = share.
  const contactsPossible = roleSources.contact.sources.length > 0;
  const k = contactsPossible ? MEAN_CONTACTS : 0;
  const pOrganization = personsPossible ? ORGANIZATION_SHARE / (1 - ORGANIZATION_SHARE * k) : 1;
  const organizationsPossible = roleSources.organization.sources.length > 0;

  const households: Person[] = [];
  const pendingContacts: Organization[] = [];
  const perSource: Record<string, number> = {};
  for (const s of config.sources) perSource[s] = 0;
  const buffer: GeneratedRow[] = [];
  const window = config.window;
  let produced = 0;

  const finalize = (row: GeneratedRow): GeneratedRow => {
    row.record_id = `${row.source}-${++perSource[row.source]}`;
    return row;
  };

  const chosen: SourceName[] = [];
  while (produced < config.records) {
    let party: Party;
    let role: Role;
    if (pendingContacts.length > 0) {
      const org = pendingContacts.pop() as Organization;
      const establishment = rng.chance(0.8) ? org.establishments[0] : rng.pick(org.establishments);
      party = factory.person({ employer: { organization: org, establishment } });
      role = 'contact';
    } else if (organizationsPossible && (!personsPossible || rng.chance(pOrganization))) {
      const org = factory.organization();
      party = org;
      role = 'organization';
      if (contactsPossible) for (let i = CONTACTS.pick(rng); i > 0; i--) pendingContacts.push(org);
    } else {
      const household = households.length > 0 && rng.chance(HOUSEHOLD_SHARE) ? rng.pick(households) : undefined;
      const person = factory.person({ household });
      if (households.length < HOUSEHOLD_RING) households.push(person);
      else households[rng.int(0, HOUSEHOLD_RING - 1)] = person;
      party = person;
      role = 'consumer';
    }

    const n = Math.min(CLUSTER_SIZES.pick(rng), config.records - produced);
    chooseSources(rng, roleSources[role], n, role === 'organization' && enabled.has('erp'), chosen);
    for (const source of chosen) {
      const row = renderer.render(party, source);
      stats.rowsBySource[source]++;
      stats.rowsByKind[party.kind]++;
      produced++;
      if (window === 1) {
        yield finalize(row);
      } else if (buffer.length < window) {
        buffer.push(row);
      } else {
        const i = Math.floor(rng.next() * window);
        const out = buffer[i];
        buffer[i] = row;
        yield finalize(out);
      }
    }
    stats.rows = produced;
    stats.entities++;
    if (party.kind === 'organization') stats.organizations++;
    else {
      stats.persons++;
      if (role === 'contact') stats.contacts++;
    }
    stats.truePairs += (n * (n - 1)) / 2;
    stats.clusterSizes[n] = (stats.clusterSizes[n] ?? 0) + 1;
  }
  // Drain the window in random order.
  for (let i = buffer.length - 1; i >= 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const out = buffer[j];
    buffer[j] = buffer[i];
    yield finalize(out);
  }
}

/** Picks the sources of a party's n records: weighted by role, a source already used is less likely (except CRM and forms). */
function chooseSources(rng: Rng, role: { sources: SourceName[]; weights: number[] }, n: number, erpFirst: boolean, out: SourceName[]): void {
  out.length = 0;
  const weights = role.weights.slice();
  for (let r = 0; r < n; r++) {
    let source: SourceName;
    if (r === 0 && erpFirst && rng.chance(0.5)) source = 'erp';
    else {
      let total = 0;
      for (const w of weights) total += w;
      let target = rng.next() * total;
      let i = 0;
      while (i < weights.length - 1 && target >= weights[i]) {
        target -= weights[i];
        i++;
      }
      source = role.sources[i];
    }
    const idx = role.sources.indexOf(source);
    if (out.indexOf(source) === -1 && idx >= 0) weights[idx] *= DUPLICATE_FACTOR[source];
    out.push(source);
  }
}
