/** The version of one source record: the source's modification time when known, and the payload hash. */
export interface RecordVersion {
  sourceUpdatedAt: string | null;
  hash: string;
}

export type VersionComparison = 'newer' | 'same' | 'older';

/**
 * Compares an incoming version with the stored one. A redelivery (same hash) changes nothing;
 * an older modification time never overwrites a newer one. Without modification times the
 * latest arrival wins, since nothing else orders them; equal times are ordered by hash so two
 * engines agree whatever the arrival order.
 */
export function compareVersions(incoming: RecordVersion, stored: RecordVersion): VersionComparison {
  if (incoming.hash === stored.hash) return 'same';
  const a = incoming.sourceUpdatedAt ? Date.parse(incoming.sourceUpdatedAt) : NaN;
  const b = stored.sourceUpdatedAt ? Date.parse(stored.sourceUpdatedAt) : NaN;
  if (!Number.isNaN(a) && !Number.isNaN(b)) {
    if (a !== b) return a > b ? 'newer' : 'older';
    return incoming.hash > stored.hash ? 'newer' : 'older';
  }
  if (Number.isNaN(a) && !Number.isNaN(b)) return 'older';
  return 'newer';
}
