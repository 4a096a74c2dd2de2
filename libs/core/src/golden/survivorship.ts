import { ATTRIBUTE_NAMES, AttributeName, CanonicalAttributes, PartyKind, isMultiValued } from '../model/attributes';
import { attributeCandidates, groupCandidates, valueCandidates } from './candidates';
import { DISPLAY_FORM_ATTRIBUTES, restoreAccents } from './display-form';
import { LineageEntry } from './lineage';
import { MemberRecord } from './member-record';
import { Chain, Ranking, ruleContext } from './ranking';
import { buildRule } from './rules/build-rule';
import { Candidate, label, versionMs } from './rules/survivorship-rule';
import { StewardOverride, effectiveOverrides, overrideLineage } from './steward-override';
import { AggregateRule, GroupRule, RuleSpec, SelectRule, SurvivorshipPolicy } from './survivorship-policy.types';

export interface GoldenValues {
  attributes: CanonicalAttributes;
  /** For each attribute, where its value came from; for emails and phones, one entry per value, in order. */
  lineage: Partial<Record<AttributeName, LineageEntry[]>>;
  sources: { source: string; sourceId: string }[];
}

/**
 * Computes golden values from the member records with the policy's rules (groups of attributes
 * first, then each attribute on its own), then applies the steward overrides, which always win.
 * The result depends only on the members' content, never on their order.
 */
export function computeGoldenValues(
  _kind: PartyKind,
  members: readonly MemberRecord[],
  policy: SurvivorshipPolicy,
  overrides: readonly StewardOverride[] = [],
): GoldenValues {
  const chosen = new Map<AttributeName, { value: unknown; lineage: LineageEntry[] }>();
  const newest = members.reduce((max, m) => Math.max(max, versionMs(m)), 0);
  const grouped = new Set<AttributeName>();

  for (const group of policy.groups) {
    for (const attribute of group.attributes) grouped.add(attribute);
    selectGroup(group, members, newest, chosen);
  }
  for (const attribute of ATTRIBUTE_NAMES) {
    if (grouped.has(attribute)) continue;
    const rule = ruleFor(policy, attribute);
    if (rule.mode === 'aggregate') aggregate(attribute as 'email' | 'phone', rule, members, newest, chosen);
    else selectAttribute(attribute, rule, members, newest, chosen);
  }
  for (const attribute of DISPLAY_FORM_ATTRIBUTES) {
    const value = chosen.get(attribute);
    if (value) chosen.set(attribute, restoreAccents(attribute, value, members));
  }
  for (const [attribute, override] of effectiveOverrides(overrides)) {
    chosen.set(attribute, { value: override.value, lineage: [overrideLineage(override, replacedBy(chosen.get(attribute)))] });
  }

  const attributes: Record<string, unknown> = {};
  const lineage: Partial<Record<AttributeName, LineageEntry[]>> = {};
  for (const attribute of ATTRIBUTE_NAMES) {
    const value = chosen.get(attribute);
    if (!value) continue;
    attributes[attribute] = value.value;
    lineage[attribute] = value.lineage;
  }
  const sources = members
    .map((m) => ({ source: m.source, sourceId: m.sourceId }))
    .sort((a, b) => (a.source + '\u0000' + a.sourceId < b.source + '\u0000' + b.sourceId ? -1 : 1));
  return { attributes: attributes as CanonicalAttributes, lineage, sources };
}

/** The rule of an attribute: its own, else the default (aggregated for emails and phones). */
export function ruleFor(policy: SurvivorshipPolicy, attribute: AttributeName): SelectRule | AggregateRule {
  const own = policy.attributes[attribute];
  if (own) return own;
  const { rules, validOnly } = policy.default;
  return isMultiValued(attribute) ? { mode: 'aggregate', rankBy: rules, validOnly } : { mode: 'select', rules, validOnly };
}

type Chosen = Map<AttributeName, { value: unknown; lineage: LineageEntry[] }>;

function chainOf(rules: RuleSpec[], validOnly: boolean): Chain {
  return { rules: rules.map(buildRule), validOnly };
}

function selectAttribute(attribute: AttributeName, rule: SelectRule, members: readonly MemberRecord[], newest: number, chosen: Chosen): void {
  const candidates = attributeCandidates(members, attribute);
  if (candidates.length === 0) return;
  const { winner, entry } = select(attribute, 1, candidates, chainOf(rule.rules, rule.validOnly), newest);
  chosen.set(attribute, { value: winner.value, lineage: [entry] });
}

/** One member supplies the whole group: the attributes it leaves empty stay empty. */
function selectGroup(group: GroupRule, members: readonly MemberRecord[], newest: number, chosen: Chosen): void {
  const candidates = groupCandidates(members, group.attributes);
  if (candidates.length === 0) return;
  const { winner, entry } = select(group.name, group.attributes.length, candidates, chainOf(group.rules, group.validOnly), newest);
  const values = winner.value as Record<string, unknown>;
  for (const attribute of group.attributes) {
    if (attribute in values) chosen.set(attribute, { value: values[attribute], lineage: [{ ...entry, group: group.name }] });
  }
}

function select(subject: string, size: number, candidates: Candidate[], chain: Chain, newest: number): { winner: Candidate; entry: LineageEntry } {
  const ranking = new Ranking(chain, ruleContext(subject, size, candidates, newest));
  const sorted = ranking.sort(candidates);
  const winner = sorted[0];
  const other = sorted.find((c) => c.key !== winner.key);
  let rule: LineageEntry['rule'];
  let reason: string;
  if (other) {
    ({ rule, reason } = ranking.decide(winner, other));
  } else if (sorted.length === 1) {
    rule = 'sole-value';
    reason = `only ${label(winner)} gives ${subject}`;
  } else {
    const decision = ranking.decide(winner, sorted[1]);
    rule = decision.rule;
    reason = `${sorted.length} members agree on ${winner.display}; ${decision.reason}`;
  }
  const entry: LineageEntry = { source: winner.member.source, sourceId: winner.member.sourceId, rule, versionAt: winner.member.versionAt, reason };
  if (chain.validOnly) {
    const demoted = sorted.filter((c) => c !== winner && c.problems.length > 0);
    if (demoted.length > 0) {
      entry.demoted = demoted.map((c) => ({ source: c.member.source, sourceId: c.member.sourceId, codes: c.problems }));
      if (rule !== 'valid-only') entry.reason += `; valid-only demoted ${demoted.map((c) => `${label(c)} (${c.problems.join(', ')})`).join(', ')}`;
    }
    if (winner.problems.length > 0) {
      entry.findings = winner.problems;
      entry.reason = `no valid value, kept despite ${winner.problems.join(', ')}: ${entry.reason}`;
    }
  }
  return { winner, entry };
}

/** Every distinct value is kept, best first; a value several members give is ranked by its best member. */
function aggregate(attribute: 'email' | 'phone', rule: AggregateRule, members: readonly MemberRecord[], newest: number, chosen: Chosen): void {
  const candidates = valueCandidates(members, attribute);
  if (candidates.length === 0) return;
  const ranking = new Ranking(chainOf(rule.rankBy, rule.validOnly), ruleContext(attribute, 1, candidates, newest));
  const kept: Candidate[] = [];
  const seen = new Set<string>();
  for (const candidate of ranking.sort(candidates)) {
    if (seen.has(candidate.key)) continue;
    seen.add(candidate.key);
    kept.push(candidate);
  }
  const lineage = kept.map((candidate, i): LineageEntry => {
    const entry: LineageEntry = { source: candidate.member.source, sourceId: candidate.member.sourceId, rule: 'aggregate', versionAt: candidate.member.versionAt, reason: '' };
    if (kept.length === 1) entry.reason = `the only ${attribute} value (aggregate)`;
    else if (i === kept.length - 1) entry.reason = `rank ${i + 1} of ${kept.length} (aggregate keeps every distinct value)`;
    else {
      const decision = ranking.decide(candidate, kept[i + 1]);
      entry.rankedBy = decision.rule;
      entry.reason = `rank ${i + 1} of ${kept.length}, before ${kept[i + 1].display}: ${decision.reason}`;
    }
    if (rule.validOnly && candidate.problems.length > 0) {
      entry.findings = candidate.problems;
      entry.reason += `; demoted by valid-only (${candidate.problems.join(', ')})`;
    }
    return entry;
  });
  chosen.set(attribute, { value: kept.map((c) => c.value as string), lineage });
}

function replacedBy(previous: { value: unknown; lineage: LineageEntry[] } | undefined): { value: unknown; entry: LineageEntry } | undefined {
  return previous && previous.lineage.length > 0 ? { value: previous.value, entry: previous.lineage[0] } : undefined;
}

/** Names of the attributes whose golden value differs between two computations. */
export function changedAttributes(before: CanonicalAttributes, after: CanonicalAttributes): AttributeName[] {
  return ATTRIBUTE_NAMES.filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null));
}
