import { Candidate, RuleContext, RuleType, SurvivorshipRule, label, versionMs } from './rules/survivorship-rule';

export interface Chain {
  rules: SurvivorshipRule[];
  validOnly: boolean;
}

export interface Decision {
  rule: RuleType | 'valid-only' | 'tie-break';
  reason: string;
}

export function ruleContext(subject: string, attributeCount: number, candidates: readonly Candidate[], newestVersionMs: number): RuleContext {
  const voters = new Map<string, Set<string>>();
  for (const c of candidates) {
    const set = voters.get(c.key) ?? new Set<string>();
    set.add(`${c.member.source}\u0000${c.member.sourceId}`);
    voters.set(c.key, set);
  }
  return { subject, attributeCount, newestVersionMs, votes: new Map([...voters].map(([key, set]) => [key, set.size])) };
}

/**
 * Orders candidates best first: valid before demoted (with valid-only), then each rule of the chain
 * in turn, then the most recent version, then the smallest (source, source id). Every step compares
 * the candidates themselves, never where they sit in the list of members, so that order does not matter.
 */
export class Ranking {
  private readonly scores = new Map<Candidate, number[]>();

  constructor(
    private readonly chain: Chain,
    private readonly context: RuleContext,
  ) {}

  sort(candidates: readonly Candidate[]): Candidate[] {
    return [...candidates].sort((a, b) => this.compare(a, b));
  }

  /** Why `winner` ranks before `other`: the first step that separates them. */
  decide(winner: Candidate, other: Candidate): Decision {
    const a = this.scoresOf(winner);
    const b = this.scoresOf(other);
    const offset = this.chain.validOnly ? 1 : 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (i < offset) return { rule: 'valid-only', reason: `valid-only: the ${other.member.source} value (${label(other)}) had ${other.problems.join(', ')}` };
      const rule = this.chain.rules[i - offset];
      return { rule: rule.type, reason: rule.explain(winner, other, this.context) };
    }
    return { rule: 'tie-break', reason: tieBreakReason(winner, other) };
  }

  private compare(a: Candidate, b: Candidate): number {
    const sa = this.scoresOf(a);
    const sb = this.scoresOf(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i] - sa[i];
    return tieBreak(a, b);
  }

  private scoresOf(candidate: Candidate): number[] {
    let scores = this.scores.get(candidate);
    if (!scores) {
      scores = this.chain.rules.map((rule) => rule.score(candidate, this.context));
      if (this.chain.validOnly) scores.unshift(candidate.problems.length === 0 ? 1 : 0);
      this.scores.set(candidate, scores);
    }
    return scores;
  }
}

/**
 * The last word: the most recent version, then the smallest (source, source id); within one member's
 * list, the member's own order; finally the value itself.
 */
function tieBreak(a: Candidate, b: Candidate): number {
  const ta = versionMs(a.member);
  const tb = versionMs(b.member);
  if (ta !== tb) return tb - ta;
  return compareText(a.member.source, b.member.source) || compareText(a.member.sourceId, b.member.sourceId) || a.position - b.position || compareText(a.key, b.key) || compareText(JSON.stringify(a.value), JSON.stringify(b.value));
}

function tieBreakReason(winner: Candidate, other: Candidate): string {
  if (winner.member === other.member) return `every rule ties; ${label(winner)} lists ${winner.display} first (tie-break)`;
  if (versionMs(winner.member) !== versionMs(other.member)) {
    return `every rule ties; ${label(winner)} has the more recent version (${winner.member.versionAt}) (tie-break)`;
  }
  return `every rule ties and the versions are of the same time; ${label(winner)} comes first by (source, source id) (tie-break)`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
