import { SetMetadata } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { Principal } from './decorators';

export const SCOPE_KEY = 'mdm:source-scope';

/**
 * What a handler reads, for API keys restricted to some sources: a golden record (`:id`), a source
 * record (`:source/:sourceId`), a task (`:id`), a pair of records (`?left=&right=`), or a list that
 * mixes every source (`all`, refused to restricted keys). Lists that filter by source themselves
 * declare `filtered`. A record the key may not see answers 404, as if it did not exist.
 */
export type SourceScope = 'golden' | 'source-record' | 'task' | 'pair' | 'filtered' | 'all';
export const ScopedTo = (scope: SourceScope) => SetMetadata(SCOPE_KEY, scope);

/** Object-level access for restricted API keys. */
export class SourceScopeCheck {
  constructor(private readonly db: DataSource) {}

  async check(scope: SourceScope | undefined, principal: Principal, params: Record<string, string>, query: Record<string, unknown>): Promise<void> {
    const sources = principal.sources;
    if (!sources) return;
    switch (scope) {
      case undefined:
      case 'all':
        throw new DomainError('FORBIDDEN', `this API key is restricted to the sources ${sources.join(', ')} and this answer mixes every source`);
      case 'filtered':
        return;
      case 'golden':
        if (!(await this.goldenVisible(params.id, sources))) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${params.id}`);
        return;
      case 'source-record':
        if (!sources.includes(params.source)) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no record ${params.sourceId} from ${params.source}`);
        return;
      case 'task': {
        const rows: { source: string | null; candidate_source: string | null }[] = await this.db.query(`SELECT source, candidate_source FROM steward_task WHERE id = $1`, [params.id]);
        const visible = rows.length > 0 && [rows[0].source, rows[0].candidate_source].every((s) => s === null || sources.includes(s));
        if (!visible) throw new DomainError('TASK_NOT_FOUND', `no task ${params.id}`);
        return;
      }
      case 'pair':
        for (const field of ['left', 'right']) {
          const id = String(query[field] ?? '');
          const source = id.slice(0, id.indexOf(':'));
          if (!sources.includes(source)) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no source record ${id}`, [{ field, message: 'no such source record' }]);
        }
        return;
    }
  }

  /** A golden record (or the one it was merged into) holding a record of one of the sources. */
  private async goldenVisible(id: string | undefined, sources: string[]): Promise<boolean> {
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return true; // the handler's own validation answers
    const rows = await this.db.query(
      `SELECT 1 FROM golden_record g
         JOIN xref x ON x.golden_id = COALESCE(g.merged_into, g.id)
        WHERE g.id = $1 AND x.source = ANY($2) LIMIT 1`,
      [id.toLowerCase(), sources],
    );
    return rows.length > 0;
  }
}
