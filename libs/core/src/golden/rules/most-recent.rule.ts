import { Candidate, SurvivorshipRule, label, versionMs } from './survivorship-rule';

/** The member with the newest version time wins. */
export class MostRecentRule implements SurvivorshipRule {
  readonly type = 'most-recent';

  score(candidate: Candidate): number {
    return versionMs(candidate.member);
  }

  explain(winner: Candidate, other: Candidate): string {
    return `${label(winner)} (${winner.member.versionAt}) is more recent than ${label(other)} (${other.member.versionAt}) (most recent)`;
  }
}
