import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, MatchingPolicy } from '@mdm/core';
import { GoldenHistoryEntity, GoldenRecordEntity, SourceRecordEntity, XrefEntity } from '@mdm/persistence';
import { UuidParam } from '../common/uuid-param.pipe';
import { ListGoldenRecordsQuery } from './list-golden-records.query';
import { AsOfQuery } from './as-of.query';
import { LessThanOrEqual } from 'typeorm';
import { API_DATA_SOURCE, API_MATCHING } from '../tokens';
import { readGoldenView, searchGoldenRecords } from '@mdm/golden';
import { CurrentUser, PersonalData, Principal, Roles } from '../auth/decorators';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';
import { SearchGoldenRecordsQuery } from './search-golden-records.query';

@Controller('golden-records')
@Roles(...READERS)
export class GoldenRecordsController {
  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_MATCHING) private readonly matching: Pick<MatchingPolicy, 'defaultCountry'>,
  ) {}

  /** An API key restricted to some sources lists the golden records holding a record of one of them. */
  @Get()
  @PersonalData()
  @ScopedTo('filtered')
  async list(@Query() query: ListGoldenRecordsQuery, @CurrentUser() caller: Principal) {
    const select = this.db.getRepository(GoldenRecordEntity).createQueryBuilder('g').where(`g.status = 'active'`);
    if (query.kind) select.andWhere('g.kind = :kind', { kind: query.kind });
    if (caller.sources) select.andWhere('EXISTS (SELECT 1 FROM xref x WHERE x.golden_id = g.id AND x.source = ANY(:sources))', { sources: caller.sources });
    const [items, total] = await select.orderBy('g.createdAt', 'ASC').addOrderBy('g.id', 'ASC').take(query.limit).skip(query.offset).getManyAndCount();
    return { total, limit: query.limit, offset: query.offset, items: items.map(present) };
  }

  /**
   * Active golden records by name (typos and missing accents tolerated), email, phone (any
   * written form), SIREN or SIRET, optionally in a city; the most similar first.
   */
  @Get('search')
  @Roles('viewer', 'steward', 'admin', 'system')
  @PersonalData()
  @ScopedTo('all')
  async search(@Query() query: SearchGoldenRecordsQuery) {
    if (query.q === undefined && query.city === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'search with q, city or both', [{ field: 'q', message: 'q or city is required' }]);
    }
    return searchGoldenRecords(this.db.manager, { ...query, defaultCountry: this.matching.defaultCountry });
  }

  /** The 360° view: values with lineage, source records side by side, relationships, quality, history, open tasks. */
  @Get(':id/view')
  @Roles('viewer', 'steward', 'admin', 'system')
  @PersonalData()
  @ScopedTo('golden')
  async view(@Param('id', new UuidParam('id')) id: string) {
    return readGoldenView(this.db.manager, id);
  }

  /**
   * A merged-away id resolves to the surviving golden record, with `redirectedFrom` set. With
   * `asOf`, the version the record had at that instant, from its history (404 before it existed).
   */
  @Get(':id')
  @PersonalData()
  @ScopedTo('golden')
  async get(@Param('id', new UuidParam('id')) id: string, @Query() query: AsOfQuery) {
    if (query.asOf !== undefined) return this.asOf(id, new Date(query.asOf));
    const golden = await this.resolve(id);
    return { ...present(golden), ...(golden.id !== id ? { redirectedFrom: id } : {}) };
  }

  /** Its source records; an API key restricted to some sources sees only theirs. */
  @Get(':id/source-records')
  @PersonalData()
  @ScopedTo('golden')
  async members(@Param('id', new UuidParam('id')) id: string, @CurrentUser() caller: Principal) {
    const golden = await this.resolve(id);
    const links = (await this.db.getRepository(XrefEntity).find({ where: { goldenId: golden.id } })).filter((l) => !caller.sources || caller.sources.includes(l.source));
    const records = await Promise.all(
      links.map((l) => this.db.getRepository(SourceRecordEntity).findOneByOrFail({ source: l.source, sourceId: l.sourceId })),
    );
    return {
      goldenId: golden.id,
      items: records.map((r) => ({
        source: r.source,
        sourceId: r.sourceId,
        entity: r.entity,
        kind: r.kind,
        attributes: r.attributes,
        standardized: r.standardized,
        findings: r.findings,
        links: r.links,
        sourceUpdatedAt: r.sourceUpdatedAt,
        receivedAt: r.receivedAt,
      })),
    };
  }

  @Get(':id/history')
  @PersonalData()
  @ScopedTo('golden')
  async history(@Param('id', new UuidParam('id')) id: string) {
    await this.resolve(id);
    const items = await this.db.getRepository(GoldenHistoryEntity).find({ where: { goldenId: id }, order: { version: 'ASC' } });
    return {
      goldenId: id,
      items: items.map((h) => ({ version: h.version, change: h.changeType, changedFields: h.changedFields, cause: h.cause, attributes: h.attributes, at: h.recordedAt })),
    };
  }

  private async asOf(id: string, at: Date) {
    const golden = await this.db.getRepository(GoldenRecordEntity).findOneBy({ id });
    if (!golden) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${id}`);
    const version = await this.db.getRepository(GoldenHistoryEntity).findOne({
      where: { goldenId: id, recordedAt: LessThanOrEqual(at) },
      order: { version: 'DESC' },
    });
    if (!version) throw new DomainError('GOLDEN_NOT_FOUND', `golden record ${id} did not exist at ${at.toISOString()}`);
    return {
      goldenId: id,
      kind: golden.kind,
      asOf: at.toISOString(),
      version: version.version,
      change: version.changeType,
      // a merged-away record's last version is its state when it was merged
      status: version.changeType === 'merged-into' ? 'merged' : 'active',
      attributes: version.attributes,
      recordedAt: version.recordedAt,
    };
  }

  private async resolve(id: string): Promise<GoldenRecordEntity> {
    const repository = this.db.getRepository(GoldenRecordEntity);
    const golden = await repository.findOneBy({ id });
    if (!golden) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${id}`);
    if (golden.status === 'merged' && golden.mergedInto) {
      const survivor = await repository.findOneBy({ id: golden.mergedInto });
      if (survivor) return survivor;
    }
    return golden;
  }
}

function present(g: GoldenRecordEntity) {
  return {
    goldenId: g.id,
    kind: g.kind,
    status: g.status,
    version: g.version,
    attributes: g.attributes,
    lineage: g.lineage,
    sources: g.sources,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}
