export * from './member-record';
export * from './lineage';
export * from './survivorship-policy.types';
export * from './survivorship-policy';
export * from './survivorship';
export * from './steward-override';
export * from './explain';
export { RULE_TYPES, isRuleType } from './rules/survivorship-rule';
export type { RuleType } from './rules/survivorship-rule';
