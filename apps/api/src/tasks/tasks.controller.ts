import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CanonicalAttributes, DomainError, MatchingPolicy } from '@mdm/core';
import { SourceRecordEntity, StewardTaskEntity, StewardTaskStore } from '@mdm/persistence';
import { AssignTaskUseCase, BulkTaskActionUseCase, CommentTaskUseCase, DecideMatchUseCase, StewardOptions, displayNameOf } from '@mdm/golden';
import { CurrentUser, PersonalData, Principal, Roles } from '../auth/decorators';
import { authorOf } from '../common/author';
import { UuidParam } from '../common/uuid-param.pipe';
import { API_DATA_SOURCE, API_MATCHING, API_STEWARD_OPTIONS } from '../tokens';
import { ListTasksQuery } from './list-tasks.query';
import { AssignTaskBody, BulkTaskBody, CommentTaskBody, DecideTaskBody } from './task-actions.dto';
import { sideBySide, weightsOf } from './task-view';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

/** The steward's queue: possible matches the engine would not decide alone, each with its explanation; decisions on them. */
@Controller('tasks')
@Roles(...READERS)
export class TasksController {
  private readonly decide: DecideMatchUseCase;
  private readonly assignment: AssignTaskUseCase;
  private readonly comments: CommentTaskUseCase;
  private readonly bulkActions: BulkTaskActionUseCase;

  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_STEWARD_OPTIONS) options: StewardOptions,
    @Inject(API_MATCHING) matching: MatchingPolicy,
  ) {
    this.decide = new DecideMatchUseCase(db, options, matching);
    this.assignment = new AssignTaskUseCase(db);
    this.comments = new CommentTaskUseCase(db);
    this.bulkActions = new BulkTaskActionUseCase(db, options, matching);
  }

  /**
   * Tasks filtered by type, status, assignee, source and probability; by priority (then age) or by
   * age. Each side names its party (`kind`, `displayName`: the source record's, or the golden
   * record's for a task about a golden record alone), read for the whole page at once.
   */
  @Get()
  @Roles('viewer', 'steward', 'admin', 'system')
  @PersonalData()
  @ScopedTo('all')
  async list(@Query() query: ListTasksQuery) {
    const where = ['t.status = $1'];
    const params: unknown[] = [query.status];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.type) where.push(`t.type = ${param(query.type)}`);
    if (query.assignee) where.push(`t.assignee = ${param(query.assignee)}`);
    if (query.unassigned === true) where.push(`t.assignee IS NULL`);
    if (query.unassigned === false) where.push(`t.assignee IS NOT NULL`);
    if (query.source) {
      const source = param(query.source);
      where.push(`(t.source = ${source} OR t.candidate_source = ${source})`);
    }
    if (query.minProbability !== undefined) where.push(`t.probability >= ${param(query.minProbability)}`);
    const age = query.order === 'desc' ? 'ASC' : 'DESC';
    const order = query.sort === 'age' ? `t.created_at ${age}, t.id` : `t.priority ${query.order === 'desc' ? 'DESC' : 'ASC'}, t.created_at ASC, t.id`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM steward_task t WHERE ${where.join(' AND ')}`, params);
    const ids: { id: string }[] = await this.db.query(
      `SELECT t.id FROM steward_task t WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    );
    const tasks = ids.length === 0 ? [] : await this.db.getRepository(StewardTaskEntity).findBy(ids.map((r) => ({ id: r.id })));
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const names = await this.partyNames(tasks);
    return {
      total,
      limit: query.limit,
      offset: query.offset,
      items: ids.map((r) => {
        const task = summary(byId.get(r.id)!);
        return { ...task, record: { ...task.record, ...names.get(`${r.id}|record`) }, candidate: { ...task.candidate, ...names.get(`${r.id}|candidate`) } };
      }),
    };
  }

  /** The party each side of these tasks is about, by `taskId|record` and `taskId|candidate`, in one read. */
  private async partyNames(tasks: StewardTaskEntity[]): Promise<Map<string, { kind: string; displayName: string | null }>> {
    const sides = tasks.flatMap((t) => [
      { key: `${t.id}|record`, source: t.source, source_id: t.sourceId, golden_id: t.goldenId },
      { key: `${t.id}|candidate`, source: t.candidateSource, source_id: t.candidateSourceId, golden_id: t.candidateGoldenId },
    ]);
    if (sides.length === 0) return new Map();
    const rows: { key: string; kind: string; attributes: CanonicalAttributes }[] = await this.db.query(
      `SELECT q.key, coalesce(s.kind, g.kind) AS kind, coalesce(s.attributes, g.attributes) AS attributes
         FROM jsonb_to_recordset($1::jsonb) AS q(key text, source text, source_id text, golden_id uuid)
         LEFT JOIN source_record s ON s.source = q.source AND s.source_id = q.source_id
         LEFT JOIN golden_record g ON q.source IS NULL AND g.id = q.golden_id
        WHERE s.source IS NOT NULL OR g.id IS NOT NULL`,
      [JSON.stringify(sides)],
    );
    return new Map(rows.map((r) => [r.key, { kind: r.kind, displayName: displayNameOf(r.kind, r.attributes ?? {}) }]));
  }

  /** The same action on many tasks, each in its own transaction: one result per task, in the order given. */
  @Post('bulk')
  @HttpCode(200)
  @Roles('steward', 'admin')
  async bulk(@Body() body: BulkTaskBody, @CurrentUser() user?: Principal) {
    const by = authorOf(user, body.by);
    return this.bulkActions.execute({ taskIds: body.taskIds.map((id) => id.toLowerCase()), action: body.action, assignee: body.assignee, reason: body.reason, by });
  }

  /**
   * One task: both records side by side (standardized values, a `differs` flag per attribute,
   * findings), the per-comparison match weights as a list for a chart, and the comments.
   */
  @Get(':id')
  @Roles('viewer', 'steward', 'admin', 'system')
  @PersonalData()
  @ScopedTo('task')
  async get(@Param('id', new UuidParam('id')) id: string) {
    const task = await this.db.getRepository(StewardTaskEntity).findOneBy({ id });
    if (!task) throw new DomainError('TASK_NOT_FOUND', `no task ${id}`);
    const records = this.db.getRepository(SourceRecordEntity);
    const record = task.source && task.sourceId ? await records.findOneBy({ source: task.source, sourceId: task.sourceId }) : null;
    const candidate = task.candidateSource && task.candidateSourceId ? await records.findOneBy({ source: task.candidateSource, sourceId: task.candidateSourceId }) : null;
    return {
      ...summary(task),
      details: task.details,
      resolution: task.resolution,
      record: record && side(record),
      candidate: candidate && side(candidate),
      comparison: record && candidate ? sideBySide(record.standardized, candidate.standardized) : [],
      weights: weightsOf(task.details),
      comments: await new StewardTaskStore(this.db.manager).comments(task.id),
    };
  }

  /** Gives the task to a steward (`assignee`), or back to the queue (`null`). */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('steward', 'admin')
  async assign(@Param('id', new UuidParam('id')) id: string, @Body() body: AssignTaskBody, @CurrentUser() user?: Principal) {
    return this.assignment.execute({ taskId: id, assignee: body.assignee, by: authorOf(user, body.by) });
  }

  @Post(':id/comments')
  @Roles('steward', 'admin')
  async comment(@Param('id', new UuidParam('id')) id: string, @Body() body: CommentTaskBody, @CurrentUser() user?: Principal) {
    return this.comments.execute({ taskId: id, text: body.text, by: authorOf(user, body.by) });
  }

  /** `merge` (the two records are one party, for good) or `not-a-match` (two parties, for good); closes the task. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('steward', 'admin')
  async decision(@Param('id', new UuidParam('id')) id: string, @Body() body: DecideTaskBody, @CurrentUser() user?: Principal) {
    return this.decide.execute({ taskId: id, decision: body.decision, reason: body.reason, by: authorOf(user, body.by) });
  }
}

function summary(task: StewardTaskEntity) {
  return {
    id: task.id,
    type: task.type,
    status: task.status,
    priority: task.priority,
    assignee: task.assignee,
    record: { source: task.source, sourceId: task.sourceId, goldenId: task.goldenId },
    candidate: { source: task.candidateSource, sourceId: task.candidateSourceId, goldenId: task.candidateGoldenId },
    probability: task.probability,
    reason: (task.details as { reason?: string }).reason ?? null,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    closedAt: task.closedAt,
  };
}

function side(record: SourceRecordEntity) {
  return { source: record.source, sourceId: record.sourceId, kind: record.kind, attributes: record.attributes, standardized: record.standardized, findings: record.findings };
}
