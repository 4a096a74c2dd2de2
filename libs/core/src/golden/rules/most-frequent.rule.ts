import { Candidate, RuleContext, SurvivorshipRule } from './survivorship-rule';

/** The value offered by the most members wins (compared on the standardized value, case and spaces folded). */
export class MostFrequentRule implements SurvivorshipRule {
  readonly type = 'most-frequent';

  score(candidate: Candidate, context: RuleContext): number {
    return context.votes.get(candidate.key) ?? 0;
  }

  explain(winner: Candidate, other: Candidate, context: RuleContext): string {
    const votes = (c: Candidate) => context.votes.get(c.key) ?? 0;
    return `${votes(winner)} members give ${winner.display} against ${votes(other)} for ${other.display} (most frequent)`;
  }
}
