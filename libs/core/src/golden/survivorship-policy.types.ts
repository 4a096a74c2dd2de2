import { AttributeName } from '../model/attributes';

/** One ranking rule of a chain, as configured. */
export type RuleSpec =
  | { type: 'source-priority'; sources: string[] }
  | { type: 'most-recent' }
  | { type: 'most-frequent' }
  | { type: 'most-complete' }
  | { type: 'trust-decay'; trust: Record<string, number>; defaultTrust: number; halfLifeDays: number }
  | { type: 'consent' };

/**
 * How one value is chosen: the rules are applied in order, each one deciding only between the
 * candidates the previous ones left tied; the last tie-break is the most recent version, then the
 * smallest (source, source id). With `validOnly`, values with an error or warning finding come after
 * every valid value.
 */
export interface SelectRule {
  mode: 'select';
  rules: RuleSpec[];
  validOnly: boolean;
}

/** Multi-valued attributes (email, phone): every distinct value is kept, ranked by `rankBy`. */
export interface AggregateRule {
  mode: 'aggregate';
  rankBy: RuleSpec[];
  validOnly: boolean;
}

/** Attributes that move together: one member supplies the whole group. */
export interface GroupRule extends Omit<SelectRule, 'mode'> {
  name: string;
  attributes: AttributeName[];
}

export interface SurvivorshipPolicy {
  /** For every attribute that neither a group nor an entry of `attributes` names (aggregated for emails and phones). */
  default: { rules: RuleSpec[]; validOnly: boolean };
  groups: GroupRule[];
  attributes: Partial<Record<AttributeName, SelectRule | AggregateRule>>;
}
