import { PartyKind } from '../model/attributes';
import { normalizeCivility } from './civility';
import { StepContext, tooLong } from './context';
import { quote } from './findings';
import { displayPersonName, looksSwapped, splitFullName, stripCivilities } from './names';
import { cleanOrgName } from './organization';
import { fold } from './text';

const NAME_ATTRIBUTES = ['fullName', 'firstName', 'lastName'] as const;
const BIRTH_LINKERS = new Set(['nee', 'ne', 'epouse', 'ep', 'epse', 'veuve', 'vve']);

function standardizeCivility(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.civility === undefined || tooLong(ctx, 'civility', a.civility)) return;
  const civility = normalizeCivility(a.civility);
  if (civility) a.civility = civility;
  else ctx.findings.add('CIVILITY_UNKNOWN', 'civility', `civility ${quote(a.civility)} is not one of M., Mme, Mlle, Dr, Me, Pr`);
}

/** Civilities written inside a name ("Mme Marie Martin") move to `civility`. */
function extractCivilities(ctx: StepContext): void {
  const a = ctx.attributes;
  for (const attribute of NAME_ATTRIBUTES) {
    const value = a[attribute];
    if (value === undefined || value.length > 500) continue;
    const { civilities, rest } = stripCivilities(value);
    if (civilities.length === 0) continue;
    a[attribute] = rest === '' ? undefined : rest;
    const known = a.civility !== undefined ? normalizeCivility(a.civility) : undefined;
    if (a.civility === undefined) {
      a.civility = civilities[0];
      ctx.findings.add('CIVILITY_EXTRACTED', attribute, `civility ${civilities[0]} taken out of ${attribute} ${quote(value)}`);
    } else if (civilities.some((c) => c !== known)) {
      ctx.findings.add('CIVILITY_CONFLICT', attribute, `${attribute} ${quote(value)} says ${civilities.join(', ')} but civility is ${a.civility}; civility kept`);
    }
  }
}

/** "Marie DUPONT née MARTIN" -> head "Marie DUPONT", linker "née", tail "MARTIN". */
function cutBirthName(fullName: string): { head: string; tail: string } {
  const tokens = fullName.split(' ');
  for (let i = 1; i < tokens.length - 1; i++) {
    if (BIRTH_LINKERS.has(fold(tokens[i]).replace(/\s+/g, ''))) {
      return { head: tokens.slice(0, i).join(' '), tail: tokens.slice(i).join(' ') };
    }
  }
  return { head: fullName, tail: '' };
}

/** Only a full name: split it into given name and surname, the surname possibly written first. */
function splitFullNameIfAlone(ctx: StepContext): boolean {
  const a = ctx.attributes;
  if (a.fullName === undefined || a.firstName !== undefined || a.lastName !== undefined || a.fullName.length > 500) return false;
  const { head, tail } = cutBirthName(a.fullName);
  const parts = splitFullName(head);
  if (parts?.firstName === undefined || parts.lastName === undefined) {
    if (tail !== '' && head.split(' ').length === 1) a.lastName = a.fullName;
    return a.lastName !== undefined;
  }
  a.firstName = parts.firstName;
  a.lastName = tail === '' ? parts.lastName : `${parts.lastName} ${tail}`;
  ctx.findings.add('NAME_SPLIT', 'fullName', `full name ${quote(a.fullName)} read as given name ${quote(parts.firstName)} and surname ${quote(a.lastName)}`);
  return true;
}

/**
 * Person names: civilities extracted, a lone full name split, display case applied, and a finding
 * when given name and surname look swapped (they are not swapped: the source may be right).
 */
export function standardizeNames(ctx: StepContext, kind: PartyKind): void {
  const a = ctx.attributes;
  standardizeCivility(ctx);
  extractCivilities(ctx);
  if (kind === 'person' && splitFullNameIfAlone(ctx)) {
    // The split can leave a civility at the start of a part ("DUPONT Mme Marie").
    extractCivilities(ctx);
  }
  for (const attribute of NAME_ATTRIBUTES) {
    const value = a[attribute];
    if (value === undefined || tooLong(ctx, attribute, value)) continue;
    const display = kind === 'organization' && attribute === 'fullName' ? cleanOrgName(value) : displayPersonName(value);
    a[attribute] = display === '' ? undefined : display;
  }
  if (a.firstName !== undefined && a.lastName !== undefined && a.firstName.length <= 500 && a.lastName.length <= 500) {
    if (looksSwapped(a.firstName, a.lastName)) {
      ctx.findings.add(
        'NAME_ORDER_SWAPPED',
        'firstName',
        `given name ${quote(a.firstName)} looks like a surname and surname ${quote(a.lastName)} like a given name`,
        `firstName: ${a.lastName}, lastName: ${a.firstName}`,
      );
    }
  }
}
