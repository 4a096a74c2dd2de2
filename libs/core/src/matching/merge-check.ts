import { deterministicRule, DeterministicRule, isCannotLink, NotAMatchSet } from './deterministic-rules';
import { extractFeatures, FeatureOptions } from './features';
import { MatchRecord } from './match-record';

export interface MergeCheckOptions extends FeatureOptions {
  notAMatch?: NotAMatchSet;
  /** Sources that must never hold two records in one golden record (the ERP). */
  uniqueSources?: readonly string[];
}

/** Why two groups of records can never be one party: the first pair (in id order) a rule keeps apart. */
export interface MergeBlocker {
  left: string;
  right: string;
  rule: DeterministicRule | 'same-unique-source';
}

/**
 * Whether a steward may put two golden records' members in one: no pair across them may be a
 * cannot-link (a "not a match" decision, two kinds, two different SIRENs, two different persons by
 * name) nor two records of a source that holds no duplicates. The same rules the clustering
 * applies, so a steward's merge never contradicts a rule the engine honours.
 */
export function mergeBlocker(left: readonly MatchRecord[], right: readonly MatchRecord[], options: MergeCheckOptions = {}): MergeBlocker | undefined {
  const unique = new Set(options.uniqueSources ?? []);
  const features = (records: readonly MatchRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => extractFeatures(r, options));
  const rights = features(right);
  for (const a of features(left)) {
    for (const b of rights) {
      if (a.record.source !== undefined && a.record.source === b.record.source && unique.has(a.record.source)) return { left: a.record.id, right: b.record.id, rule: 'same-unique-source' };
      const [x, y] = a.record.id < b.record.id ? [a, b] : [b, a];
      const rule = deterministicRule(x, y, options.notAMatch);
      if (isCannotLink(rule)) return { left: a.record.id, right: b.record.id, rule: rule! };
    }
  }
  return undefined;
}
