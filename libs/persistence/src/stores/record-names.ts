import { PartyKind } from '@mdm/core';

/** The kinds whose names `record_name` holds, each under a trigram index of its own (a partial index). */
const NAME_KINDS: readonly PartyKind[] = ['person', 'organization'];

/**
 * A query of `record_name` (aliased `n`) for rows that meet `condition`, written as one branch per
 * kind (`UNION ALL`) so that each branch can use its kind's partial trigram index: a condition
 * that does not name the kind could use neither, and would read the whole table. With
 * `kindOf`, an SQL expression of the kind wanted (`q.kind`), only that kind's branch reads rows.
 */
export function recordNamesWhere(columns: string, condition: string, kindOf?: string): string {
  return NAME_KINDS.map((kind) => `SELECT ${columns} FROM record_name n WHERE ${kindOf ? `${kindOf} = '${kind}' AND ` : ''}n.kind = '${kind}' AND (${condition})`).join(
    '\n UNION ALL ',
  );
}
