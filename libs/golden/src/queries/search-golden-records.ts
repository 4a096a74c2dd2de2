import { EntityManager } from 'typeorm';
import { CanonicalAttributes, fold, standardizePhone } from '@mdm/core';
import { recordNamesWhere } from '@mdm/persistence';

export interface SearchGoldenRecordsQuery {
  /** A name, an email, a phone in any format, a SIREN or a SIRET. */
  q?: string;
  kind?: 'person' | 'organization';
  /** A city, accents and case ignored, small typos tolerated. */
  city?: string;
  limit: number;
  offset: number;
  /** Country of phone numbers written without a country code. */
  defaultCountry?: string;
}

export interface GoldenSearchHit {
  id: string;
  kind: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  siren: string | null;
  /** 1 for an exact identifier (email, phone, SIREN, SIRET); the trigram similarity of the name otherwise. */
  score: number;
  sources: { source: string; sourceId: string }[];
}

export interface GoldenSearchPage {
  total: number;
  limit: number;
  offset: number;
  /** How the query was read: name, email, phone, siren, siret, or city alone. */
  matchedOn: SearchCriterion;
  items: GoldenSearchHit[];
}

export type SearchCriterion = 'name' | 'email' | 'phone' | 'siren' | 'siret' | 'city';

/** Accent-folded lower case with punctuation as single spaces, in SQL: the same form as `fold` for city names. */
const foldSql = (expression: string) =>
  `btrim(regexp_replace(lower(translate(${expression}, 'ÀÂÄÁÃÉÈÊËÍÎÏÌÓÔÖÒÕÚÙÛÜÇÑŸàâäáãéèêëíîïìóôöòõúùûüçñÿ', 'AAAAAEEEEIIIIOOOOOUUUUCNYaaaaaeeeeiiiiooooouuuucny')), '[^a-z0-9]+', ' ', 'g'))`;

/** Minimum trigram similarity for a city to match (Saint-Etienne / St Etienne / Saint Ettienne). */
const CITY_SIMILARITY = 0.45;

/**
 * Finds active golden records through their source records: a SIREN (9 digits) or SIRET (14) is
 * looked up exactly, an email exactly (lower case), a phone in E.164 whatever its written form, and
 * anything else as a name by trigram similarity on the accent-folded names the matcher uses
 * (`record_name`), so typos and missing accents still find it. Ranked by score, then age.
 */
export async function searchGoldenRecords(db: EntityManager, query: SearchGoldenRecordsQuery): Promise<GoldenSearchPage> {
  const city = query.city !== undefined && query.city.trim() !== '' ? fold(query.city) : null;
  const q = query.q?.trim() ?? '';
  const criterion = criterionOf(q, query.defaultCountry ?? 'FR');
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  const kind = query.kind ? param(query.kind) : null;
  let hits: string;
  if (criterion.type === 'city') {
    hits = `SELECT g.id AS golden_id, similarity(${foldSql(`g.attributes ->> 'city'`)}, ${param(city ?? '')}) AS score FROM golden_record g WHERE g.status = 'active'`;
  } else {
    const value = param(criterion.value);
    if (criterion.type === 'name') {
      // names live in record_name, one trigram index per kind (erased records have no name there)
      const names = recordNamesWhere(
        `n.source, n.source_id, greatest(similarity(n.name, ${value}), word_similarity(${value}, n.name)) AS score`,
        `n.name % ${value} OR ${value} <% n.name`,
        kind ? `${kind}::text` : undefined,
      );
      hits = `SELECT x.golden_id, max(n.score)::float8 AS score
                FROM (${names}) n JOIN xref x ON x.source = n.source AND x.source_id = n.source_id
               GROUP BY x.golden_id`;
    } else {
      const condition =
        criterion.type === 'email' || criterion.type === 'phone'
          ? `s.standardized -> '${criterion.type}' ? ${value}`
          : `s.standardized ? '${criterion.type}' AND s.standardized ->> '${criterion.type}' = ${value}`;
      hits = `SELECT x.golden_id, 1.0::float8 AS score
                FROM source_record s JOIN xref x ON x.source = s.source AND x.source_id = s.source_id
               WHERE s.erased_at IS NULL AND ${condition}
               GROUP BY x.golden_id`;
    }
  }
  const filters = [`g.status = 'active'`];
  if (kind) filters.push(`g.kind = ${kind}`);
  if (city !== null) {
    const c = param(city);
    filters.push(`(${foldSql(`g.attributes ->> 'city'`)} = ${c} OR similarity(${foldSql(`g.attributes ->> 'city'`)}, ${c}) >= ${CITY_SIMILARITY})`);
  }
  if (criterion.type === 'city') filters.push(`h.score >= ${CITY_SIMILARITY}`);
  const found = `WITH hits AS (${hits}) SELECT g.id, g.kind, g.attributes, g.sources, g.created_at, h.score FROM hits h JOIN golden_record g ON g.id = h.golden_id WHERE ${filters.join(' AND ')}`;
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM (${found}) f`, params);
  const rows: { id: string; kind: string; attributes: CanonicalAttributes; sources: { source: string; sourceId: string }[]; score: number }[] = await db.query(
    `${found} ORDER BY h.score DESC, g.created_at, g.id LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
    params,
  );
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    matchedOn: criterion.type,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      displayName: displayNameOf(r.kind, r.attributes),
      email: first(r.attributes.email),
      phone: first(r.attributes.phone),
      city: (r.attributes.city as string | undefined) ?? null,
      siren: (r.attributes.siren as string | undefined) ?? (typeof r.attributes.siret === 'string' ? r.attributes.siret.slice(0, 9) : null),
      score: Math.round(Number(r.score) * 1000) / 1000,
      sources: r.sources,
    })),
  };
}

/** How a query is read: the most specific form it can be. */
export function criterionOf(q: string, defaultCountry: string): { type: SearchCriterion; value: string } {
  if (q === '') return { type: 'city', value: '' };
  const digits = q.replace(/[\s.\-/]/g, '');
  if (/^\d{14}$/.test(digits)) return { type: 'siret', value: digits };
  if (/^\d{9}$/.test(digits)) return { type: 'siren', value: digits };
  if (q.includes('@')) return { type: 'email', value: q.toLowerCase() };
  if (/^[+\d\s.\-/()]+$/.test(q) && q.replace(/\D/g, '').length >= 6) {
    const phone = standardizePhone(q, defaultCountry);
    return { type: 'phone', value: phone.value };
  }
  return { type: 'name', value: fold(q) };
}

export function displayNameOf(kind: string, attributes: CanonicalAttributes): string | null {
  const a = attributes as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  if (kind === 'organization') return text(a.legalName) ?? text(a.tradeName) ?? null;
  return text(a.fullName) ?? ([text(a.firstName), text(a.lastName)].filter(Boolean).join(' ') || null);
}

function first(value: unknown): string | null {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : null;
  return typeof value === 'string' ? value : null;
}
