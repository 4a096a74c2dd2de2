import { EntityManager } from 'typeorm';

export interface GoldenRelationship {
  role: string;
  /** outgoing: this golden record's member points to the other (a contact to its account); incoming: the reverse. */
  direction: 'outgoing' | 'incoming';
  goldenId: string;
  kind: string;
  /** `source`: a source record states it (which one, and the record it points to); `steward`: a steward made it. */
  origin: 'source' | 'steward';
  via?: { source: string; sourceId: string; targetSourceId: string };
  decidedBy?: string;
  reason?: string;
}

/**
 * Relationships between golden records, read through the cross-references at the time of reading:
 * a contact stays attached to its account whichever side merges or splits, because the link is
 * between source records and each resolves to the golden record that holds it now.
 */
export class RelationshipStore {
  constructor(private readonly db: EntityManager) {}

  async forGolden(goldenId: string): Promise<GoldenRelationship[]> {
    const fromSources: { direction: 'outgoing' | 'incoming'; role: string; golden_id: string; kind: string; source: string; source_id: string; target: string }[] =
      await this.db.query(
        `WITH mine AS (SELECT x.source, x.source_id FROM xref x WHERE x.golden_id = $1)
         SELECT 'outgoing' AS direction, l.role, tx.golden_id, g.kind, l.source, l.source_id, l.target_source_id AS target
           FROM mine m
           JOIN source_link l ON l.source = m.source AND l.source_id = m.source_id
           JOIN xref tx ON tx.source = l.source AND tx.source_id = l.target_source_id
           JOIN golden_record g ON g.id = tx.golden_id
          WHERE tx.golden_id <> $1
         UNION ALL
         SELECT 'incoming', l.role, ox.golden_id, g.kind, l.source, l.source_id, l.target_source_id
           FROM mine m
           JOIN source_link l ON l.source = m.source AND l.target_source_id = m.source_id
           JOIN xref ox ON ox.source = l.source AND ox.source_id = l.source_id
           JOIN golden_record g ON g.id = ox.golden_id
          WHERE ox.golden_id <> $1`,
        [goldenId],
      );
    const fromStewards: { direction: 'outgoing' | 'incoming'; role: string; golden_id: string; kind: string; decided_by: string; reason: string }[] = await this.db.query(
      `SELECT 'outgoing' AS direction, k.role, k.to_golden AS golden_id, g.kind, k.decided_by, k.reason FROM golden_link k JOIN golden_record g ON g.id = k.to_golden WHERE k.from_golden = $1
       UNION ALL
       SELECT 'incoming', k.role, k.from_golden, g.kind, k.decided_by, k.reason FROM golden_link k JOIN golden_record g ON g.id = k.from_golden WHERE k.to_golden = $1`,
      [goldenId],
    );
    const relationships: GoldenRelationship[] = [
      ...fromSources.map((r) => ({
        role: r.role,
        direction: r.direction,
        goldenId: r.golden_id,
        kind: r.kind,
        origin: 'source' as const,
        via: { source: r.source, sourceId: r.source_id, targetSourceId: r.target },
      })),
      ...fromStewards.map((r) => ({ role: r.role, direction: r.direction, goldenId: r.golden_id, kind: r.kind, origin: 'steward' as const, decidedBy: r.decided_by, reason: r.reason })),
    ];
    return relationships.sort((a, b) => a.direction.localeCompare(b.direction) || a.role.localeCompare(b.role) || a.goldenId.localeCompare(b.goldenId));
  }

  async attach(fromGolden: string, role: string, toGolden: string, by: string, reason: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_link (from_golden, role, to_golden, decided_by, reason, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT pk_golden_link DO UPDATE SET decided_by = EXCLUDED.decided_by, reason = EXCLUDED.reason, decided_at = EXCLUDED.decided_at`,
      [fromGolden, role, toGolden, by, reason, at],
    );
  }

  /** A merge moves the steward's relationships of the merged-away golden records to the survivor. */
  async moveLinks(fromIds: string[], toId: string): Promise<void> {
    for (const [column, other] of [['from_golden', 'to_golden'], ['to_golden', 'from_golden']] as const) {
      await this.db.query(
        `INSERT INTO golden_link (from_golden, role, to_golden, decided_by, reason, decided_at)
         SELECT ${column === 'from_golden' ? '$2::uuid, role, to_golden' : 'from_golden, role, $2::uuid'}, decided_by, reason, decided_at
           FROM golden_link WHERE ${column} = ANY($1::uuid[]) AND ${other} <> $2
         ON CONFLICT ON CONSTRAINT pk_golden_link DO NOTHING`,
        [fromIds, toId],
      );
      await this.db.query(`DELETE FROM golden_link WHERE ${column} = ANY($1::uuid[])`, [fromIds]);
    }
  }
}
