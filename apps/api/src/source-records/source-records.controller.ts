import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { EraseUseCase, StewardOptions } from '@mdm/golden';
import { EraseBody } from '../golden-records/stewardship.dto';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { SourceRecordEntity, XrefEntity } from '@mdm/persistence';
import { API_DATA_SOURCE, API_STEWARD_OPTIONS } from '../tokens';
import { CurrentUser, PersonalData, Principal, Roles } from '../auth/decorators';
import { authorOf } from '../common/author';
import { READERS, STEWARDS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

@Controller('source-records')
@Roles(...READERS)
@ScopedTo('source-record')
export class SourceRecordsController {
  private readonly erase: EraseUseCase;

  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_STEWARD_OPTIONS) options: StewardOptions,
  ) {
    this.erase = new EraseUseCase(db, options);
  }

  /** Erases the person this source record belongs to (a source's erasure request names its own id). */
  @Post(':source/:sourceId/erase')
  @HttpCode(200)
  @Roles(...STEWARDS)
  async erasePerson(@Param('source') source: string, @Param('sourceId') sourceId: string, @Body() body: EraseBody, @CurrentUser() user?: Principal) {
    return this.erase.execute({ sourceRecord: { source, sourceId }, by: authorOf(user, body.by), reason: body.reason });
  }

  /** A source record as received (mapped), standardized, with its quality findings and its golden record. */
  @Get(':source/:sourceId')
  @PersonalData()
  async get(@Param('source') source: string, @Param('sourceId') sourceId: string) {
    const record = await this.db.getRepository(SourceRecordEntity).findOneBy({ source, sourceId });
    if (!record) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no record ${sourceId} from ${source}`);
    const xref = await this.db.getRepository(XrefEntity).findOneBy({ source, sourceId });
    return {
      source: record.source,
      sourceId: record.sourceId,
      entity: record.entity,
      kind: record.kind,
      goldenId: xref?.goldenId ?? null,
      attributes: record.attributes,
      standardized: record.standardized,
      findings: record.findings,
      links: record.links,
      sourceUpdatedAt: record.sourceUpdatedAt,
      receivedAt: record.receivedAt,
      revision: record.revision,
    };
  }
}
