import { DomainError } from '@mdm/core';
import { GoldenRow, ResolutionStore } from '@mdm/persistence';
import { GoldenRules } from '../golden-writer';

/** What the steward use cases need besides the database. */
export interface StewardOptions extends GoldenRules {
  now?: () => Date;
}

/**
 * Locks the golden record a steward acts on. A merged-away id acts on the record it redirects to,
 * so a steward holding an old link never edits a record that no longer exists.
 */
export async function lockActiveGolden(store: ResolutionStore, id: string): Promise<GoldenRow> {
  for (let hops = 0; hops < 10; hops++) {
    const [golden] = await store.lockGolden([id]);
    if (!golden) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${id}`);
    if (golden.status === 'active') return golden;
    if (!golden.mergedInto) break;
    id = golden.mergedInto;
  }
  throw new DomainError('GOLDEN_NOT_FOUND', `golden record ${id} no longer exists`);
}
