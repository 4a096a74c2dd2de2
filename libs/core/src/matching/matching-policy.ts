import { DomainError } from '../errors/domain-error';
import { isObject } from '../mapping/source-mapping';
import { DEFAULT_MIN_AVERAGE_PROBABILITY } from './clustering';
import { DEFAULT_MAX_BLOCK_SIZE } from './blocking';
import { MatchThresholds } from './match-model';

/** How the engine matches each incoming record (config/matching.yaml). */
export interface MatchingPolicy {
  /** The trained models file, relative to the configuration folder. */
  model: string;
  /** Link and review thresholds on the match probability; absent: the model's own. */
  thresholds?: MatchThresholds;
  minAverageProbability: number;
  /** Blocking keys shared by more stored records than this are skipped (a placeholder value). */
  maxBlockSize: number;
  /** How many nearest names (trigram similarity) are candidates besides the blocking keys; 0 turns it off. */
  trigramNeighbours: number;
  /** How similar (pg_trgm similarity, 0 to 1) a name must be to count as a near name. */
  trigramSimilarity: number;
  /** Members of a golden record scored against an incoming record, the most recent first. */
  maxMembersPerGolden: number;
  /** ISO 3166 code of the country a record without one is in (phones, postal districts). */
  defaultCountry: string;
  /** Sources whose records never merge with each other automatically (a duplicate in the ERP is a steward task). */
  uniqueSources: string[];
}

/** Validates the parsed matching configuration; every problem is named in one error. */
export function parseMatchingPolicy(input: unknown, origin: string): MatchingPolicy {
  if (!isObject(input)) throw new DomainError('MAPPING_INVALID', `${origin}: must be an object`);
  const problems: string[] = [];
  const number = (name: string, fallback: number, min: number, max: number, integer = false): number => {
    const value = input[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      problems.push(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  if (typeof input.model !== 'string' || input.model.trim() === '') problems.push('model must name the trained models file');
  let thresholds: MatchThresholds | undefined;
  if (input.thresholds !== undefined) {
    const t = input.thresholds;
    if (!isObject(t) || typeof t.link !== 'number' || typeof t.review !== 'number' || !(t.review >= 0 && t.review <= t.link && t.link <= 1)) {
      problems.push('thresholds must be { link, review } with 0 ≤ review ≤ link ≤ 1');
    } else thresholds = { link: t.link, review: t.review };
  }
  const defaultCountry = input.defaultCountry ?? 'FR';
  if (typeof defaultCountry !== 'string' || !/^[A-Z]{2}$/.test(defaultCountry)) problems.push('defaultCountry must be an ISO 3166 alpha-2 code such as FR');
  const policy: MatchingPolicy = {
    model: String(input.model),
    minAverageProbability: number('minAverageProbability', DEFAULT_MIN_AVERAGE_PROBABILITY, 0, 1),
    maxBlockSize: number('maxBlockSize', DEFAULT_MAX_BLOCK_SIZE, 1, 1_000_000, true),
    trigramNeighbours: number('trigramNeighbours', 10, 0, 1000, true),
    trigramSimilarity: number('trigramSimilarity', 0.5, 0.1, 1),
    maxMembersPerGolden: number('maxMembersPerGolden', 50, 1, 10_000, true),
    defaultCountry: String(defaultCountry),
    uniqueSources: [],
  };
  if (input.uniqueSources !== undefined) {
    if (!Array.isArray(input.uniqueSources) || !input.uniqueSources.every((v) => typeof v === 'string')) problems.push('uniqueSources must be a list of source names');
    else policy.uniqueSources = input.uniqueSources as string[];
  }
  if (thresholds) policy.thresholds = thresholds;
  const known = new Set(['model', 'thresholds', 'minAverageProbability', 'maxBlockSize', 'trigramNeighbours', 'trigramSimilarity', 'maxMembersPerGolden', 'defaultCountry', 'uniqueSources']);
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push(`${key} is not a matching setting`);
  if (problems.length > 0) throw new DomainError('MAPPING_INVALID', `${origin}: ${problems.join('; ')}`);
  return policy;
}
