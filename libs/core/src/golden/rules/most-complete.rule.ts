import { Candidate, RuleContext, SurvivorshipRule, label } from './survivorship-rule';

/**
 * For a group, the member filling the most attributes of the group wins. For a single attribute,
 * the longest value wins ("Jean-Pierre" is more complete than "J.-P.").
 */
export class MostCompleteRule implements SurvivorshipRule {
  readonly type = 'most-complete';

  score(candidate: Candidate, context: RuleContext): number {
    return context.attributeCount > 1 ? candidate.filled : candidate.length;
  }

  explain(winner: Candidate, other: Candidate, context: RuleContext): string {
    if (context.attributeCount > 1) {
      return `${label(winner)} fills ${winner.filled} of the ${context.attributeCount} ${context.subject} attributes against ${other.filled} for ${label(other)} (most complete)`;
    }
    return `${winner.display} (${winner.length} characters) is more complete than ${other.display} (${other.length}) (most complete)`;
  }
}
