import { EntityManager } from 'typeorm';
import { ATTRIBUTE_NAMES, CanonicalAttributes, DomainError } from '@mdm/core';
import { RelationshipStore, ResolutionStore } from '@mdm/persistence';
import { displayNameOf } from './search-golden-records';

interface LineageView {
  source: string;
  sourceId: string;
  rule: string;
  reason: string;
  versionAt: string;
  group?: string;
}

/**
 * Everything a steward needs to judge one golden record, in one read: its values with their
 * lineage (which source record and which rule chose each), its source records side by side (as
 * received, standardized, with their quality findings), its relationships, its history, its open
 * tasks and the steward decisions on its records. A merged-away id answers with the golden record
 * it was merged into (`redirectedFrom` names the id asked for).
 */
export async function readGoldenView(db: EntityManager, requestedId: string) {
  const store = new ResolutionStore(db);
  const [asked] = await db.query(`SELECT id, status, merged_into FROM golden_record WHERE id = $1`, [requestedId]);
  if (!asked) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${requestedId}`);
  const id: string = asked.status === 'merged' && asked.merged_into ? asked.merged_into : asked.id;
  const [golden] = await db.query(`SELECT * FROM golden_record WHERE id = $1`, [id]);
  const attributes = golden.attributes as CanonicalAttributes;
  const lineage = golden.lineage as Record<string, LineageView[]>;

  const [records, relationships, history, tasks, overrides, mergedFrom] = await Promise.all([
    db.query(
      `SELECT s.source, s.source_id AS "sourceId", s.entity, s.kind, s.attributes, s.standardized, s.findings, s.links,
              s.source_updated_at AS "sourceUpdatedAt", s.received_at AS "receivedAt", x.linked_at AS "linkedAt"
         FROM xref x JOIN source_record s ON s.source = x.source AND s.source_id = x.source_id
        WHERE x.golden_id = $1 ORDER BY s.source, s.source_id`,
      [id],
    ),
    new RelationshipStore(db).forGolden(id),
    db.query(
      `SELECT version, change_type AS change, changed_fields AS "changedFields", cause, recorded_at AS at FROM golden_history WHERE golden_id = $1 ORDER BY version`,
      [id],
    ),
    db.query(
      `SELECT id, type, status, priority, probability, assignee, source, source_id AS "sourceId", golden_id AS "goldenId",
              candidate_source AS "candidateSource", candidate_source_id AS "candidateSourceId", candidate_golden_id AS "candidateGoldenId",
              created_at AS "createdAt"
         FROM steward_task WHERE status = 'open' AND (golden_id = $1 OR candidate_golden_id = $1) ORDER BY priority DESC, created_at, id`,
      [id],
    ),
    store.loadOverrides(id),
    db.query(`SELECT id FROM golden_record WHERE merged_into = $1 ORDER BY id`, [id]),
  ]);
  const recordIds = records.map((r: { source: string; sourceId: string }) => `${r.source}:${r.sourceId}`);
  const decisions = recordIds.length === 0 ? [] : await db.query(
    `SELECT left_source || ':' || left_source_id AS "left", right_source || ':' || right_source_id AS "right", decision, decided_by AS "decidedBy", reason, decided_at AS "decidedAt"
       FROM match_decision
      WHERE left_source || ':' || left_source_id = ANY($1::text[]) OR right_source || ':' || right_source_id = ANY($1::text[])
      ORDER BY decided_at, 1, 2`,
    [recordIds],
  );

  const values = ATTRIBUTE_NAMES.filter((a) => attributes[a] !== undefined).map((attribute) => ({
    attribute,
    value: attributes[attribute],
    lineage: (lineage[attribute] ?? []).map((l) => ({ source: l.source, sourceId: l.sourceId, rule: l.rule, reason: l.reason, versionAt: l.versionAt, ...(l.group ? { group: l.group } : {}) })),
  }));
  const chosenFrom = (source: string, sourceId: string) => values.filter((v) => v.lineage.some((l) => l.source === source && l.sourceId === sourceId)).map((v) => v.attribute);
  const sourceRecords = records.map((r: { source: string; sourceId: string; findings: unknown[] }) => ({ ...r, chosenAttributes: chosenFrom(r.source, r.sourceId) }));
  const findings = sourceRecords.flatMap((r: { source: string; sourceId: string; findings: { code: string; severity: string; attribute: string | null; message?: string }[] }) =>
    (r.findings ?? []).map((f) => ({ source: r.source, sourceId: r.sourceId, attribute: f.attribute, code: f.code, severity: f.severity, message: f.message ?? null })),
  );
  const bySeverity: Record<string, number> = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;

  return {
    goldenId: id,
    ...(id !== requestedId ? { redirectedFrom: requestedId } : {}),
    kind: golden.kind as string,
    status: golden.status as string,
    version: golden.version as number,
    displayName: displayNameOf(golden.kind, attributes),
    createdAt: golden.created_at as Date,
    updatedAt: golden.updated_at as Date,
    values,
    overrides,
    sourceRecords,
    relationships,
    quality: { findings, bySeverity },
    history,
    openTasks: tasks,
    decisions,
    mergedFrom: mergedFrom.map((m: { id: string }) => m.id),
  };
}

export type GoldenView = Awaited<ReturnType<typeof readGoldenView>>;
