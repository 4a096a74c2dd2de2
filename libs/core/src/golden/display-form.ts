import { AttributeName } from '../model/attributes';
import { LineageEntry } from './lineage';
import { MemberRecord } from './member-record';

/** Free-text attributes a source may have typed without its accents ("LEFEVRE", "Rue de la Republique"). */
export const DISPLAY_FORM_ATTRIBUTES: readonly AttributeName[] = ['firstName', 'lastName', 'fullName', 'street', 'addressLine2', 'city', 'legalName', 'tradeName'];

const accentless = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const accents = (value: string) => (value.normalize('NFD').match(/\p{M}/gu) ?? []).length;

/**
 * When the chosen value was typed without its accents and another member writes the same text
 * with them ("Lefevre" and "Lefèvre"), the golden record shows the accented form: the same value,
 * better written. The lineage names the member the form comes from and keeps the rule that chose
 * the value. Ties go to the smallest (source, source id), so the result never depends on order.
 */
export function restoreAccents(
  attribute: AttributeName,
  chosen: { value: unknown; lineage: LineageEntry[] },
  members: readonly MemberRecord[],
): { value: unknown; lineage: LineageEntry[] } {
  const value = chosen.value;
  if (typeof value !== 'string' || chosen.lineage.length !== 1) return chosen;
  const key = accentless(value);
  let best: { member: MemberRecord; form: string } | undefined;
  for (const member of members) {
    const form = member.attributes[attribute];
    if (typeof form !== 'string' || accentless(form) !== key || accents(form) <= accents(value)) continue;
    if (best) {
      const [mine, theirs] = [accents(form), accents(best.form)];
      if (mine < theirs) continue;
      if (mine === theirs && `${member.source}\u0000${member.sourceId}\u0000${form}` >= `${best.member.source}\u0000${best.member.sourceId}\u0000${best.form}`) continue;
    }
    best = { member, form };
  }
  if (!best) return chosen;
  const [entry] = chosen.lineage;
  return {
    value: best.form,
    lineage: [
      {
        ...entry,
        source: best.member.source,
        sourceId: best.member.sourceId,
        versionAt: best.member.versionAt,
        reason: `${entry.reason}; written as ${best.member.source}:${best.member.sourceId} writes it, with its accents`,
      },
    ],
  };
}
