import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { SourceRecordEntity, StewardTaskEntity } from '@mdm/persistence';
import { UuidParam } from '../common/uuid-param.pipe';
import { API_DATA_SOURCE } from '../tokens';
import { ListTasksQuery } from './list-tasks.query';
import { PersonalData, Roles } from '../auth/decorators';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

/** The steward's queue: possible matches the engine would not decide alone, each with its explanation. */
@Controller('tasks')
@Roles(...READERS)
export class TasksController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  /** Tasks by priority (the most likely matches first), then age. */
  @Get()
  @ScopedTo('all')
  async list(@Query() query: ListTasksQuery) {
    const [items, total] = await this.db.getRepository(StewardTaskEntity).findAndCount({
      where: { status: query.status, ...(query.type ? { type: query.type } : {}) },
      order: { priority: 'DESC', createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { total, limit: query.limit, offset: query.offset, items: items.map(summary) };
  }

  /** One task with both records side by side (standardized values) and the per-comparison match weights. */
  @Get(':id')
  @PersonalData()
  @ScopedTo('task')
  async get(@Param('id', new UuidParam('id')) id: string) {
    const task = await this.db.getRepository(StewardTaskEntity).findOneBy({ id });
    if (!task) throw new DomainError('TASK_NOT_FOUND', `no task ${id}`);
    const records = this.db.getRepository(SourceRecordEntity);
    const record = task.source && task.sourceId ? await records.findOneBy({ source: task.source, sourceId: task.sourceId }) : null;
    const candidate = task.candidateSource && task.candidateSourceId ? await records.findOneBy({ source: task.candidateSource, sourceId: task.candidateSourceId }) : null;
    return { ...summary(task), details: task.details, resolution: task.resolution, record: record && side(record), candidate: candidate && side(candidate) };
  }
}

function summary(task: StewardTaskEntity) {
  return {
    id: task.id,
    type: task.type,
    status: task.status,
    priority: task.priority,
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
  return { source: record.source, sourceId: record.sourceId, kind: record.kind, standardized: record.standardized, findings: record.findings };
}
