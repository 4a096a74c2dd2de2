import { AttributeName, isAttributeName, isMultiValued } from '../model/attributes';
import { DomainError } from '../errors/domain-error';
import { isObject } from '../mapping/source-mapping';
import { RULE_TYPES, isRuleType } from './rules/survivorship-rule';
import { AggregateRule, GroupRule, RuleSpec, SelectRule, SurvivorshipPolicy } from './survivorship-policy.types';

const PARAMETERLESS = new Set(['most-recent', 'most-frequent', 'most-complete', 'consent']);

/**
 * Validates the parsed survivorship configuration (config/survivorship.yaml). Every problem is
 * collected and named in one error, so one run of the engine shows all of them.
 */
export function parseSurvivorshipPolicy(input: unknown, origin: string): SurvivorshipPolicy {
  const problems: string[] = [];
  if (!isObject(input)) throw new DomainError('MAPPING_INVALID', `${origin}: must be an object`);
  unknownKeys(input, ['default', 'groups', 'attributes'], '', problems, {
    sourcePriority: 'sourcePriority is no longer a key: write default.rules: [{ source-priority: [...] }]',
  });

  let defaults: SurvivorshipPolicy['default'] = { rules: [], validOnly: false };
  if (!isObject(input.default)) problems.push('default must be an object with rules (the chain for attributes without a rule of their own)');
  else {
    unknownKeys(input.default, ['rules', 'validOnly'], 'default.', problems);
    defaults = { rules: ruleList(input.default.rules, 'default.rules', problems), validOnly: flag(input.default.validOnly, 'default.validOnly', false, problems) };
  }

  const groups: GroupRule[] = [];
  const groupOf = new Map<AttributeName, string>();
  if (input.groups !== undefined) {
    if (!isObject(input.groups)) problems.push('groups must be an object: group name -> { attributes, rules }');
    else
      for (const [name, group] of Object.entries(input.groups)) {
        const where = `groups.${name}`;
        if (!/^[A-Za-z][\w-]*$/.test(name)) problems.push(`${where}: a group name is letters, digits, - and _`);
        if (!isObject(group)) {
          problems.push(`${where} must be an object with attributes and rules`);
          continue;
        }
        unknownKeys(group, ['attributes', 'rules', 'validOnly'], `${where}.`, problems);
        const attributes: AttributeName[] = [];
        if (!Array.isArray(group.attributes) || group.attributes.length < 2) problems.push(`${where}.attributes must list at least two attributes`);
        else
          for (const attribute of group.attributes) {
            if (typeof attribute !== 'string' || !isAttributeName(attribute)) problems.push(`${where}.attributes: ${String(attribute)} is not a canonical attribute`);
            else if (isMultiValued(attribute)) problems.push(`${where}.attributes: ${attribute} is a list, it is aggregated on its own`);
            else if (groupOf.has(attribute)) problems.push(`${where}.attributes: ${attribute} is already in group ${groupOf.get(attribute)}`);
            else {
              groupOf.set(attribute, name);
              attributes.push(attribute);
            }
          }
        groups.push({ name, attributes, rules: ruleList(group.rules, `${where}.rules`, problems), validOnly: flag(group.validOnly, `${where}.validOnly`, defaults.validOnly, problems) });
      }
  }

  const attributes: SurvivorshipPolicy['attributes'] = {};
  if (input.attributes !== undefined) {
    if (!isObject(input.attributes)) problems.push('attributes must be an object: attribute name -> { rules } or { aggregate }');
    else
      for (const [name, rule] of Object.entries(input.attributes)) {
        const where = `attributes.${name}`;
        if (!isAttributeName(name)) problems.push(`${where}: ${name} is not a canonical attribute`);
        else if (groupOf.has(name)) problems.push(`${where}: ${name} moves with group ${groupOf.get(name)}, configure the group`);
        else if (!isObject(rule)) problems.push(`${where} must be an object with rules (or aggregate, for email and phone)`);
        else {
          const parsed = attributeRule(name, rule, where, defaults.validOnly, problems);
          if (parsed) attributes[name] = parsed;
        }
      }
  }

  if (problems.length > 0) throw new DomainError('MAPPING_INVALID', `${origin}: ${problems.join('; ')}`);
  return { default: defaults, groups, attributes };
}

function attributeRule(name: AttributeName, rule: Record<string, unknown>, where: string, validOnlyDefault: boolean, problems: string[]): SelectRule | AggregateRule | null {
  unknownKeys(rule, ['rules', 'aggregate', 'validOnly'], `${where}.`, problems);
  const validOnly = flag(rule.validOnly, `${where}.validOnly`, validOnlyDefault, problems);
  if (isMultiValued(name)) {
    if (rule.rules !== undefined) problems.push(`${where}: ${name} is a list, write aggregate: [ranking rules] instead of rules`);
    if (rule.aggregate === undefined) {
      problems.push(`${where}.aggregate must list the rules that rank the values`);
      return null;
    }
    return { mode: 'aggregate', rankBy: ruleList(rule.aggregate, `${where}.aggregate`, problems), validOnly };
  }
  if (rule.aggregate !== undefined) problems.push(`${where}: aggregate is only for email and phone`);
  return { mode: 'select', rules: ruleList(rule.rules, `${where}.rules`, problems), validOnly };
}

/** A chain: `most-recent` (a rule without parameters) or `{ source-priority: [erp, crm] }` (a rule and its parameters). */
function ruleList(value: unknown, where: string, problems: string[]): RuleSpec[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${where} must be a non-empty list of rules (${RULE_TYPES.join(', ')})`);
    return [];
  }
  const rules: RuleSpec[] = [];
  value.forEach((item, i) => {
    const rule = ruleSpec(item, `${where}[${i}]`, problems);
    if (rule) rules.push(rule);
  });
  return rules;
}

function ruleSpec(item: unknown, where: string, problems: string[]): RuleSpec | null {
  let type: string;
  let params: unknown;
  if (typeof item === 'string') [type, params] = [item, undefined];
  else if (isObject(item) && Object.keys(item).length === 1) [type, params] = Object.entries(item)[0];
  else {
    problems.push(`${where}: a rule is a name (most-recent) or a one-key object ({ source-priority: [erp, crm] })`);
    return null;
  }
  if (!isRuleType(type)) {
    const hint =
      type === 'valid-only' ? ': valid-only is a flag, write validOnly: true' : type === 'aggregate' ? ': aggregate is written aggregate: [rules] on email or phone' : '';
    problems.push(`${where}: unknown rule type ${JSON.stringify(type)}${hint} (known: ${RULE_TYPES.join(', ')})`);
    return null;
  }
  if (PARAMETERLESS.has(type)) {
    if (params !== undefined && params !== null) problems.push(`${where}: ${type} takes no parameters`);
    return { type } as RuleSpec;
  }
  if (type === 'source-priority') {
    if (!Array.isArray(params) || params.length === 0 || !params.every((s) => typeof s === 'string' && s !== '')) {
      problems.push(`${where}: source-priority takes a non-empty list of source names`);
      return null;
    }
    const duplicates = params.filter((s, i) => params.indexOf(s) !== i);
    if (duplicates.length > 0) problems.push(`${where}: source-priority names ${duplicates.join(', ')} twice`);
    return { type, sources: params as string[] };
  }
  return trustDecay(params, where, problems);
}

function trustDecay(params: unknown, where: string, problems: string[]): RuleSpec | null {
  if (!isObject(params)) {
    problems.push(`${where}: trust-decay takes { halfLifeDays, trust: { source: 0..1 }, defaultTrust }`);
    return null;
  }
  const before = problems.length;
  unknownKeys(params, ['halfLifeDays', 'trust', 'defaultTrust'], `${where}.trust-decay.`, problems);
  const halfLifeDays = params.halfLifeDays;
  if (typeof halfLifeDays !== 'number' || !Number.isFinite(halfLifeDays) || halfLifeDays <= 0) {
    problems.push(`${where}: trust-decay.halfLifeDays must be a positive number of days, not ${JSON.stringify(halfLifeDays ?? null)}`);
  }
  const isTrust = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
  const trust: Record<string, number> = {};
  if (!isObject(params.trust) || Object.keys(params.trust).length === 0) problems.push(`${where}: trust-decay.trust must map source names to a trust in [0, 1]`);
  else
    for (const [source, value] of Object.entries(params.trust)) {
      if (!isTrust(value)) problems.push(`${where}: trust-decay.trust.${source} must be a number in [0, 1], not ${JSON.stringify(value)}`);
      else trust[source] = value;
    }
  const defaultTrust = params.defaultTrust ?? 0;
  if (!isTrust(defaultTrust)) problems.push(`${where}: trust-decay.defaultTrust must be a number in [0, 1]`);
  if (problems.length > before) return null;
  return { type: 'trust-decay', halfLifeDays: halfLifeDays as number, trust, defaultTrust: defaultTrust as number };
}

function flag(value: unknown, where: string, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    problems.push(`${where} must be true or false`);
    return fallback;
  }
  return value;
}

function unknownKeys(object: Record<string, unknown>, known: string[], prefix: string, problems: string[], hints: Record<string, string> = {}): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) problems.push(hints[key] ?? `${prefix}${key} is not a key (known: ${known.join(', ')})`);
  }
}
