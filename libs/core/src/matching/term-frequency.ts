import { CompiledComparison } from './compare';
import { Features } from './features';
import { TermFrequencyTable } from './match-model';

/**
 * Counts each value of a comparison's field over the records (first value of multi-valued fields).
 *
 * Records holding the same value and sharing an identifier (an email address, a phone number or a
 * SIREN) count once: they are copies of one party, and a value's frequency is meant to say how
 * many *other* parties hold it. Without this, a company present in five sources under one rare
 * name gets the frequency of a common one, and its own records need far more evidence to link
 * (on the generated data, pairs agreeing on a company name held by 4–5 records were 76 % true
 * pairs but scored 0.45 on average).
 */
export function buildTermFrequencies(comparison: CompiledComparison, features: readonly Features[]): TermFrequencyTable {
  const byValue = new Map<string, number[]>();
  for (let i = 0; i < features.length; i++) {
    const value = comparison.value(features[i], features[i]);
    if (value === undefined) continue;
    let list = byValue.get(value);
    if (!list) byValue.set(value, (list = []));
    list.push(i);
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const [value, members] of byValue) {
    const count = members.length === 1 ? 1 : distinctParties(members, features);
    counts.set(value, count);
    total += count;
  }
  const kept: Record<string, number> = {};
  for (const [value, count] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (count > 1) kept[value] = count;
  return { total, counts: kept };
}

/** Records that share no identifier, transitively (union–find over emails, phones and SIRENs). */
function distinctParties(members: readonly number[], features: readonly Features[]): number {
  const parent = members.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  const owner = new Map<string, number>();
  let groups = members.length;
  members.forEach((i, k) => {
    const f = features[i];
    const ids: string[] = [];
    for (const e of f.emails) ids.push(`e${e}`);
    for (const p of f.phones) ids.push(`p${p}`);
    if (f.siren !== undefined) ids.push(`s${f.siren}`);
    for (const id of ids) {
      const other = owner.get(id);
      if (other === undefined) owner.set(id, k);
      else {
        const x = find(other);
        const y = find(k);
        if (x !== y) {
          parent[y] = x;
          groups--;
        }
      }
    }
  });
  return groups;
}

/** Frequency of a value: its share of the records, at least one record's share. */
export function termFrequency(table: TermFrequencyTable, value: string): number {
  if (table.total === 0) return 1;
  return (table.counts[value] ?? 1) / table.total;
}
