import { Candidate, SurvivorshipRule, label, versionMs } from './survivorship-rule';

/**
 * Consent (emailOptIn, smsOptIn): the latest statement wins, whichever way it goes, so a withdrawal
 * beats an older consent and a new consent beats an older withdrawal. Two statements of the same
 * instant: the withdrawal wins (consent must be demonstrable; in doubt there is none).
 */
export class ConsentRule implements SurvivorshipRule {
  readonly type = 'consent';

  score(candidate: Candidate): number {
    // twice the time plus one for a withdrawal: time first, the withdrawal breaks a tie of times
    return versionMs(candidate.member) * 2 + (candidate.value === false ? 1 : 0);
  }

  explain(winner: Candidate, other: Candidate): string {
    const statement = (c: Candidate) => (c.value === false ? 'withdrawal' : c.value === true ? 'consent' : `statement ${c.display}`);
    if (winner.member.versionAt === other.member.versionAt) {
      return `the ${statement(winner)} by ${label(winner)} and the ${statement(other)} by ${label(other)} are of the same time (${winner.member.versionAt}): the withdrawal wins (consent)`;
    }
    return `the ${statement(winner)} by ${label(winner)} (${winner.member.versionAt}) is more recent than the ${statement(other)} by ${label(other)} (${other.member.versionAt}) (consent: latest statement wins)`;
  }
}
