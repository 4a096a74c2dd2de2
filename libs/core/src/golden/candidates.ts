import { AttributeName, CanonicalAttributes } from '../model/attributes';
import { quote } from '../standardization/findings';
import { MemberFinding, MemberRecord } from './member-record';
import { Candidate } from './rules/survivorship-rule';

/** Values compared for agreement and votes: case, spaces and Unicode composition folded. */
export function foldValue(value: unknown): string {
  if (typeof value === 'string') return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return JSON.stringify(value ?? null);
}

export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function display(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function isProblem(finding: MemberFinding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

function problemCodes(member: MemberRecord, attributes: readonly string[]): string[] {
  const codes = member.findings.filter((f) => isProblem(f) && f.attribute !== null && attributes.includes(f.attribute)).map((f) => f.code);
  return [...new Set(codes)].sort();
}

/** One candidate per member that gives the attribute. */
export function attributeCandidates(members: readonly MemberRecord[], attribute: AttributeName): Candidate[] {
  return members
    .filter((m) => hasValue(m.attributes[attribute]))
    .map((member) => {
      const value = member.attributes[attribute];
      return { member, value, key: foldValue(value), display: display(value), filled: 1, length: String(value).length, problems: problemCodes(member, [attribute]), position: 0 };
    });
}

/** One candidate per member that fills at least one attribute of the group; its value is the whole group. */
export function groupCandidates(members: readonly MemberRecord[], attributes: readonly AttributeName[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const member of members) {
    const filled = attributes.filter((a) => hasValue(member.attributes[a]));
    if (filled.length === 0) continue;
    const value: Record<string, unknown> = {};
    for (const a of filled) value[a] = member.attributes[a];
    candidates.push({
      member,
      value: value as CanonicalAttributes,
      key: JSON.stringify(attributes.map((a) => (hasValue(member.attributes[a]) ? foldValue(member.attributes[a]) : null))),
      display: filled.map((a) => display(member.attributes[a])).join(' '),
      filled: filled.length,
      length: filled.reduce((sum, a) => sum + String(member.attributes[a]).length, 0),
      problems: problemCodes(member, attributes),
      position: 0,
    });
  }
  return candidates;
}

/** One candidate per distinct value of each member's list (emails, phones). */
export function valueCandidates(members: readonly MemberRecord[], attribute: 'email' | 'phone'): Candidate[] {
  const candidates: Candidate[] = [];
  for (const member of members) {
    const values = [...new Set(member.attributes[attribute] ?? [])].filter((v) => hasValue(v));
    const problems = new Map<string, Set<string>>(values.map((v) => [v, new Set()]));
    for (const finding of member.findings) {
      if (!isProblem(finding) || finding.attribute !== attribute) continue;
      for (const target of findingTargets(finding, values)) problems.get(target)!.add(finding.code);
    }
    values.forEach((value, position) => {
      candidates.push({ member, value, key: foldValue(value), display: display(value), filled: 1, length: value.length, problems: [...problems.get(value)!].sort(), position });
    });
  }
  return candidates;
}

/**
 * Findings on a list name no index; their message quotes the value. A finding applies to the values
 * its message quotes (phones compared on their national digits, since the message may quote the
 * number as typed); when it quotes none of them, to every value of the member, to stay on the safe side.
 */
function findingTargets(finding: MemberFinding, values: string[]): string[] {
  const message = finding.message ?? '';
  const quoted = [...message.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  const hits = values.filter((v) => message.includes(v) || quoted.some((q) => sameNumber(q, v)));
  return hits.length > 0 ? hits : values;
}

/** "06 12 34" and "+33612 34" are the same number: digits without the French prefix (+33, 0033 or 0). */
function sameNumber(a: string, b: string): boolean {
  const national = (text: string) => text.replace(/\D/g, '').replace(/^(?:00)?33|^0/, '');
  const na = national(a);
  return na.length >= 4 && na === national(b);
}
