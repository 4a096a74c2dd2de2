import { Candidate, RuleContext, SurvivorshipRule } from './survivorship-rule';

/** The source listed first wins; unlisted sources come after every listed one, all equal. */
export class SourcePriorityRule implements SurvivorshipRule {
  readonly type = 'source-priority';

  constructor(private readonly sources: readonly string[]) {}

  score(candidate: Candidate): number {
    const index = this.sources.indexOf(candidate.member.source);
    return -(index === -1 ? this.sources.length : index);
  }

  explain(winner: Candidate, other: Candidate, context: RuleContext): string {
    return `${winner.member.source} outranks ${other.member.source} for ${context.subject} (source priority)`;
  }
}
