import { ATTRIBUTE_NAMES } from '@mdm/core';

/** One attribute of the two records of a task, side by side. */
export interface AttributeComparison {
  attribute: string;
  record: unknown;
  candidate: unknown;
  /** Both hold a value and the values differ (lists compared as sets). */
  differs: boolean;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
const normalized = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);

/** Every attribute either record holds, in the canonical order. */
export function sideBySide(record: Record<string, unknown>, candidate: Record<string, unknown>): AttributeComparison[] {
  return ATTRIBUTE_NAMES.filter((a) => present(record[a]) || present(candidate[a])).map((attribute) => ({
    attribute,
    record: record[attribute] ?? null,
    candidate: candidate[attribute] ?? null,
    differs: present(record[attribute]) && present(candidate[attribute]) && normalized(record[attribute]) !== normalized(candidate[attribute]),
  }));
}

/** The match weight of every comparison of the task's best pair (`details.contributions`), for a chart. */
export function weightsOf(details: Record<string, unknown>): { comparison: string; level: string; weight: number }[] {
  const contributions = Array.isArray(details.contributions) ? (details.contributions as { comparison: string; level: string; weight: number }[]) : [];
  return contributions.map((c) => ({ comparison: c.comparison, level: c.level, weight: c.weight }));
}
