import { distance as levenshtein } from 'fastest-levenshtein';
import { ComparisonField, ComparisonSpec, LevelRule, NULL_LEVEL } from './comparison-spec';
import { isDayMonthSwap, isOneDigitTypo } from './dates';
import { Features } from './features';
import { frenchPhonetic } from './french-phonetic';
import { isRoleLocalPart } from './generic-values';
import { jaroWinklerAtLeast } from './jaro-winkler';
import { tokenContainment, tokenSetSimilarity } from './token-similarity';

/** A comparison turned into code: `level` returns 0 (null), 1…k (the spec's levels) or k+1 (else). */
export interface CompiledComparison {
  readonly spec: ComparisonSpec;
  /** 'null', the spec's labels, 'else'. */
  readonly labels: string[];
  /** Whether a level's u is adjusted by the frequency of the shared value. */
  readonly termFrequency: boolean[];
  /** Single-valued field (one value per record), as opposed to emails and phones. */
  readonly scalar: boolean;
  level(a: Features, b: Features): number;
  /** The value whose frequency adjusts u, when the pair is at an exact level. */
  value(a: Features, b: Features): string | undefined;
}

/** Similarities computed once per pair and comparison, whichever levels read them. */
interface PairCache {
  jw: number;
  lev: number;
  tokenSet: number;
  containment: number;
}

type Predicate = (a: Features, b: Features, cache: PairCache) => boolean;
type Scalar = (f: Features) => string | undefined;

const SCALARS: Partial<Record<ComparisonField, Scalar>> = {
  firstName: (f) => f.first,
  lastName: (f) => f.last,
  fullName: (f) => f.fullName,
  birthDate: (f) => f.dob,
  gender: (f) => f.gender,
  houseNumber: (f) => f.houseNumber,
  street: (f) => f.street,
  addressLine2: (f) => f.line2,
  postalCode: (f) => f.postalCode,
  city: (f) => f.city,
  region: (f) => f.region,
  legalName: (f) => f.legal,
  siret: (f) => f.siret,
};

const LISTS: Partial<Record<ComparisonField, (f: Features) => readonly string[]>> = {
  email: (f) => f.emails,
  phone: (f) => f.phones,
};

const TOKENS: Partial<Record<ComparisonField, (f: Features) => readonly string[] | undefined>> = {
  fullName: (f) => f.nameTokens,
  street: (f) => f.streetTokens,
  legalName: (f) => f.legalTokens,
};

const PHONETICS: Partial<Record<ComparisonField, (f: Features) => string | undefined>> = {
  firstName: (f) => f.firstPhonetic,
  lastName: (f) => f.lastPhonetic,
};

function isNullPredicate(field: ComparisonField): (a: Features, b: Features) => boolean {
  const list = LISTS[field];
  if (list) return (a, b) => list(a).length === 0 || list(b).length === 0;
  if (field === 'siret') return (a, b) => a.siren === undefined || b.siren === undefined;
  if (field === 'fullName')
    // Whole names are compared only when one side has nothing but a full name; otherwise the
    // first- and last-name comparisons already weigh the same words.
    return (a, b) => a.nameTokens === undefined || b.nameTokens === undefined || (!a.fullNameOnly && !b.fullNameOnly);
  const scalar = SCALARS[field]!;
  return (a, b) => scalar(a) === undefined || scalar(b) === undefined;
}

const nameSimilar = (x: string, y: string) => x === y || jaroWinklerAtLeast(x, y, 0.92) >= 0.92;

function anyPair(x: readonly string[], y: readonly string[], test: (p: string, q: string) => boolean): boolean {
  for (const p of x) for (const q of y) if (test(p, q)) return true;
  return false;
}

function predicate(field: ComparisonField, rule: LevelRule, where: string, jwFloor: number): Predicate {
  const scalar = SCALARS[field];
  const list = LISTS[field];
  const needScalar = (): Scalar => {
    if (!scalar) throw new Error(`${where}: level "${rule.type}" needs a single-valued field, not ${field}`);
    return scalar;
  };
  switch (rule.type) {
    case 'exact':
      if (list) return (a, b) => anyPair(list(a), list(b), (p, q) => p === q);
      return (a, b) => {
        const value = scalar!(a);
        return value !== undefined && value === scalar!(b);
      };
    case 'jaroWinkler': {
      const s = needScalar();
      return (a, b, c) => {
        if (c.jw < 0) c.jw = jaroWinklerAtLeast(s(a)!, s(b)!, jwFloor);
        return c.jw >= rule.min;
      };
    }
    case 'levenshtein': {
      const s = needScalar();
      return (a, b, c) => {
        if (c.lev < 0) c.lev = levenshtein(s(a)!, s(b)!);
        return c.lev <= rule.max;
      };
    }
    case 'phonetic': {
      const code = PHONETICS[field];
      if (code) return (a, b) => code(a) !== undefined && code(a) === code(b);
      const s = needScalar();
      return (a, b) => frenchPhonetic(s(a)!) === frenchPhonetic(s(b)!);
    }
    case 'namesSwapped':
      return (a, b) =>
        a.first !== undefined && a.last !== undefined && b.first !== undefined && b.last !== undefined &&
        a.first !== a.last && nameSimilar(a.first, b.last) && nameSimilar(a.last, b.first);
    case 'birthName':
      return (a, b) =>
        (a.birth !== undefined && (a.birth === b.last || a.birth === b.birth)) || (b.birth !== undefined && b.birth === a.last);
    case 'initial': {
      const s = needScalar();
      return (a, b) => {
        const x = s(a)!;
        const y = s(b)!;
        return (x.length === 1 && y[0] === x) || (y.length === 1 && x[0] === y);
      };
    }
    case 'tokenSet':
    case 'tokenContainment': {
      const tokens = TOKENS[field];
      if (!tokens) throw new Error(`${where}: level "${rule.type}" needs a field with words (fullName, street, legalName)`);
      if (rule.type === 'tokenSet')
        return (a, b, c) => {
          if (c.tokenSet < 0) c.tokenSet = tokenSetSimilarity(tokens(a) ?? [], tokens(b) ?? []);
          return c.tokenSet >= rule.min;
        };
      return (a, b, c) => {
        if (c.containment < 0) c.containment = tokenContainment(tokens(a) ?? [], tokens(b) ?? []);
        return c.containment >= rule.min;
      };
    }
    case 'dateSwapOrTypo':
      return (a, b) => a.dob !== undefined && b.dob !== undefined && (isDayMonthSwap(a.dob, b.dob) || isOneDigitTypo(a.dob, b.dob));
    case 'dateWithinDays':
      return (a, b) => Math.abs(a.dobDay - b.dobDay) <= rule.days;
    case 'sameDistrict':
      return (a, b) => a.district !== undefined && a.district === b.district;
    case 'samePostalCode':
      return (a, b) => a.postalCode !== undefined && a.postalCode === b.postalCode;
    case 'differentDistrict':
      return (a, b) =>
        a.district !== undefined && b.district !== undefined && a.district !== b.district && levenshtein(a.postalCode!, b.postalCode!) > 1;
    case 'workAndPrivate':
      return (a, b) => a.record.kind === 'person' && b.record.kind === 'person' && (a.legal === undefined) !== (b.legal === undefined);
    case 'sameFirstName':
      return (a, b) => a.first !== undefined && b.first !== undefined && nameSimilar(a.first, b.first);
    case 'nameless':
      return (a, b) => a.nameTokens === undefined || b.nameTokens === undefined;
    case 'prefix': {
      const s = needScalar();
      return (a, b) => {
        const x = s(a)!;
        const y = s(b)!;
        return x.length < y.length ? x.length >= 3 && y.startsWith(x) : y.length >= 3 && y.length < x.length && x.startsWith(y);
      };
    }
    case 'emailDomainTypo':
      return (a, b) =>
        anyPair(a.emails, b.emails, (p, q) => {
          const at = p.indexOf('@');
          if (at !== q.indexOf('@') || p.slice(0, at) !== q.slice(0, at) || isRoleLocalPart(p.slice(0, at))) return false;
          return Math.abs(p.length - q.length) <= rule.max && levenshtein(p.slice(at + 1), q.slice(at + 1)) <= rule.max;
        });
    case 'emailLocalTypo':
      return (a, b) => anyPair(a.emails, b.emails, isLocalPartTypo);
    case 'emailLocalPart':
      // bistrotdelaplace@bbox.fr / bistrotdelaplace@laposte.net: the local part spells the company
      // name, which the name comparison already weighs (two "Bistrot de la Place" have these too)
      return (a, b) => anyPair(a.emailLocals, b.emailLocals, (p, q) => p === q && !spellsName(p, a) && !spellsName(q, b));
    case 'emailDomain':
      return (a, b) => anyPair(a.emailDomains as string[], b.emailDomains as string[], (p, q) => p !== undefined && p === q);
    case 'phoneSuffix':
      return (a, b) =>
        anyPair(a.phones, b.phones, (p, q) => {
          const n = Math.min(rule.digits, p.length, q.length);
          return n >= 7 && p.slice(-n) === q.slice(-n);
        });
    case 'sameSiren':
      return (a, b) => a.siren !== undefined && a.siren === b.siren;
  }
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const spellsName = (local: string, f: Features) => f.legal !== undefined && local.replace(/[^a-z0-9]/g, '') === f.legal.replace(/[^a-z0-9]/g, '');
const SEPARATORS = /[._-]/g;

/** Two addresses at one domain whose local parts are one typo apart (see the `emailLocalTypo` level). */
export function isLocalPartTypo(p: string, q: string): boolean {
  if (p === q) return false;
  const at = p.lastIndexOf('@');
  const bt = q.lastIndexOf('@');
  if (at < 6 || bt < 6 || Math.abs(at - bt) > 1 || p.slice(at) !== q.slice(bt) || p[0] !== q[0]) return false;
  const x = p.slice(0, at);
  const y = q.slice(0, bt);
  if (isRoleLocalPart(x) || isRoleLocalPart(y) || digitsOf(x) !== digitsOf(y)) return false;
  // jean.martin / jeanmartin / jean_martin: how a provider tells two homonyms' mailboxes apart
  if (x.replace(SEPARATORS, '') === y.replace(SEPARATORS, '')) return false;
  if (levenshtein(x, y) <= 1) return true;
  // two adjacent letters exchanged (Levenshtein 2)
  if (x.length !== y.length) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

export function compileComparison(spec: ComparisonSpec): CompiledComparison {
  const where = `comparison ${spec.name}`;
  if (!SCALARS[spec.field] && !LISTS[spec.field]) throw new Error(`${where}: unknown field ${spec.field}`);
  const isNull = isNullPredicate(spec.field);
  // Jaro-Winkler is only needed exactly down to the comparison's lowest threshold.
  const jwFloor = Math.min(1, ...spec.levels.map((l) => (l.rule.type === 'jaroWinkler' ? l.rule.min : 1)));
  const predicates = spec.levels.map((l) => predicate(spec.field, l.rule, where, jwFloor));
  const elseLevel = predicates.length + 1;
  const outcome = spec.levels.map((l, i) => (l.asNull ? NULL_LEVEL : i + 1));
  const cache: PairCache = { jw: -1, lev: -1, tokenSet: -1, containment: -1 };
  const termFrequency = [false, ...spec.levels.map((l) => l.rule.type === 'exact' && l.rule.termFrequency === true), false];
  const scalar = SCALARS[spec.field];
  const list = LISTS[spec.field];
  return {
    spec,
    labels: ['null', ...spec.levels.map((l) => l.label), 'else'],
    termFrequency,
    scalar: scalar !== undefined,
    level(a, b) {
      if (isNull(a, b)) return NULL_LEVEL;
      cache.jw = -1;
      cache.lev = -1;
      cache.tokenSet = -1;
      cache.containment = -1;
      for (let i = 0; i < predicates.length; i++) if (predicates[i](a, b, cache)) return outcome[i];
      return elseLevel;
    },
    value(a, b) {
      if (scalar) return scalar(a);
      if (list) return list(a).find((v) => list(b).includes(v));
      return undefined;
    },
  };
}
