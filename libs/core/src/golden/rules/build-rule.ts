import { RuleSpec } from '../survivorship-policy.types';
import { ConsentRule } from './consent.rule';
import { MostCompleteRule } from './most-complete.rule';
import { MostFrequentRule } from './most-frequent.rule';
import { MostRecentRule } from './most-recent.rule';
import { SourcePriorityRule } from './source-priority.rule';
import { SurvivorshipRule } from './survivorship-rule';
import { TrustDecayRule } from './trust-decay.rule';

/** The rule object a validated specification describes. */
export function buildRule(spec: RuleSpec): SurvivorshipRule {
  switch (spec.type) {
    case 'source-priority':
      return new SourcePriorityRule(spec.sources);
    case 'most-recent':
      return new MostRecentRule();
    case 'most-frequent':
      return new MostFrequentRule();
    case 'most-complete':
      return new MostCompleteRule();
    case 'trust-decay':
      return new TrustDecayRule(spec);
    case 'consent':
      return new ConsentRule();
  }
}
