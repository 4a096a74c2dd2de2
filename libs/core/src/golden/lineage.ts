import { RuleType } from './rules/survivorship-rule';

/**
 * What decided a value: a ranking rule of the chain, `valid-only` (the other value had a quality
 * finding), `tie-break` (every rule tied), `sole-value` (one member only gives it), `aggregate`
 * (one of the kept values of an email or phone list) or `steward-override`.
 */
export type LineageRule = RuleType | 'valid-only' | 'tie-break' | 'sole-value' | 'aggregate' | 'steward-override';

/** A value that `valid-only` set aside, and why. */
export interface DemotedValue {
  source: string;
  sourceId: string;
  codes: string[];
}

export interface StewardOverrideLineage {
  by: string;
  at: string;
  reason: string;
  /** What the rules chose and the steward replaced, if there was a value. */
  replaced?: { value: unknown; source: string; sourceId: string };
}

/** Where one golden value came from. For emails and phones, one entry per kept value, in the same order. */
export interface LineageEntry {
  /** The source record that gave the value (`steward` and the steward's name for an override). */
  source: string;
  sourceId: string;
  rule: LineageRule;
  /** The source record's version time (the override's time for an override). */
  versionAt: string;
  /** One short sentence: why this value and not another. */
  reason: string;
  /** The group of attributes the value moved with. */
  group?: string;
  /** For an aggregated value: the rule that ranked it before the next value. */
  rankedBy?: RuleType | 'valid-only' | 'tie-break';
  /** Values that valid-only demoted below this one. */
  demoted?: DemotedValue[];
  /** Codes of the findings of the chosen value itself, kept because no valid value existed. */
  findings?: string[];
  override?: StewardOverrideLineage;
}
