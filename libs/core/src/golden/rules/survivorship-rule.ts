import { MemberRecord } from '../member-record';

/** Rule types of config/survivorship.yaml. `aggregate` and `valid-only` are modes, not ranking rules. */
export const RULE_TYPES = ['source-priority', 'most-recent', 'most-frequent', 'most-complete', 'trust-decay', 'consent'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export function isRuleType(value: string): value is RuleType {
  return (RULE_TYPES as readonly string[]).includes(value);
}

/**
 * One contender for a golden value: a member and what it offers for the subject (one attribute,
 * a group of attributes, or one value of a multi-valued attribute).
 */
export interface Candidate {
  member: MemberRecord;
  /** What the member offers: a value, or for a group the group's attributes it fills. */
  value: unknown;
  /** Folded value: equal keys are the same value (votes, agreement). */
  key: string;
  /** The value as written in reasons. */
  display: string;
  /** Attributes of the subject the member fills (1 for a single attribute). */
  filled: number;
  /** Characters of the value, for the completeness of a single attribute. */
  length: number;
  /** Codes of the error- and warning-severity findings on the value. */
  problems: string[];
  /** Position of the value in the member's own list (emails, phones), 0 otherwise: the source's order breaks the last ties. */
  position: number;
}

/** What rules know beyond the candidate itself. Built once per subject, independent of member order. */
export interface RuleContext {
  /** The attribute or group name, for reasons. */
  subject: string;
  /** Attributes in the subject: 1, or the size of the group. */
  attributeCount: number;
  /** The newest version time among all the members (ms): ages are measured from it, not from the clock. */
  newestVersionMs: number;
  /** How many distinct members offer each key. */
  votes: ReadonlyMap<string, number>;
}

/**
 * A ranking rule: a score per candidate (higher wins; equal scores pass the decision on to the next
 * rule of the chain), and the reason a winner beat another candidate when this rule separated them.
 */
export interface SurvivorshipRule {
  readonly type: RuleType;
  score(candidate: Candidate, context: RuleContext): number;
  explain(winner: Candidate, other: Candidate, context: RuleContext): string;
}

export function label(candidate: Candidate): string {
  return `${candidate.member.source}:${candidate.member.sourceId}`;
}

export function versionMs(member: MemberRecord): number {
  const ms = Date.parse(member.versionAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/** A number for a reason: at most 3 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
