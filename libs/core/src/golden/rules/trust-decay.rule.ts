import { Candidate, RuleContext, SurvivorshipRule, formatNumber, versionMs } from './survivorship-rule';

const DAY_MS = 86_400_000;

export interface TrustDecayOptions {
  /** Trust of each source in [0, 1] when its version is the newest of the members. */
  trust: Readonly<Record<string, number>>;
  /** Trust of a source the map does not name. */
  defaultTrust: number;
  /** Days after which a source's trust has halved. */
  halfLifeDays: number;
}

/**
 * Each source's trust halves every `halfLifeDays` of age. The age is measured from the newest
 * version among the members, not from the clock, so recomputing later gives the same result.
 */
export class TrustDecayRule implements SurvivorshipRule {
  readonly type = 'trust-decay';

  constructor(private readonly options: TrustDecayOptions) {}

  score(candidate: Candidate, context: RuleContext): number {
    return this.trustOf(candidate) * 0.5 ** (this.ageDays(candidate, context) / this.options.halfLifeDays);
  }

  explain(winner: Candidate, other: Candidate, context: RuleContext): string {
    const part = (c: Candidate) =>
      `${c.member.source} trust ${formatNumber(this.trustOf(c))} aged ${formatNumber(this.ageDays(c, context))} days is ${formatNumber(this.score(c, context))}`;
    return `${part(winner)}, ${part(other)} (trust decay, half-life ${formatNumber(this.options.halfLifeDays)} days)`;
  }

  private trustOf(candidate: Candidate): number {
    return this.options.trust[candidate.member.source] ?? this.options.defaultTrust;
  }

  private ageDays(candidate: Candidate, context: RuleContext): number {
    return Math.max(0, context.newestVersionMs - versionMs(candidate.member)) / DAY_MS;
  }
}
