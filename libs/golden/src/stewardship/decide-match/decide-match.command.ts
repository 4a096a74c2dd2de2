/** A steward's decision on a task about a pair of records (a possible match, a duplicate inside a source). */
export interface DecideMatchCommand {
  taskId: string;
  /** `merge`: the two records are one party, for good; `not-a-match`: they are two, for good. */
  decision: 'merge' | 'not-a-match';
  reason?: string;
  /** The steward. */
  by: string;
}

export interface DecideMatchResult {
  taskId: string;
  decision: DecideMatchCommand['decision'];
  status: 'resolved';
  /** merge: the golden record that holds both records now; not-a-match: the golden records of the two records. */
  goldenIds: string[];
  /** merge: the golden records retired into the survivor (empty when they were already one). */
  mergedIds: string[];
}

/** The task types a decision on a pair applies to. */
export const PAIR_TASK_TYPES = ['possible-match', 'source-duplicate'] as const;
