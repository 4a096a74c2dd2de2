import { PARTY_KINDS } from '@mdm/core';

/**
 * A query of `record_name` (aliased `n`) for rows that meet `condition`. Each kind's names have a
 * trigram index of their own (a partial index), so the query has one branch per kind (`UNION
 * ALL`), each able to use its kind's index: a condition that does not name the kind could use
 * neither, and would read the whole table. With `kindOf`, an SQL expression of the kind wanted
 * (`q.kind`), only that kind's branch reads rows.
 */
export function recordNamesWhere(columns: string, condition: string, kindOf?: string): string {
  return PARTY_KINDS.map((kind) => `SELECT ${columns} FROM record_name n WHERE ${kindOf ? `${kindOf} = '${kind}' AND ` : ''}n.kind = '${kind}' AND (${condition})`).join(
    '\n UNION ALL ',
  );
}
