import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { ATTRIBUTE_NAMES, AttributeName, DomainError, explainGoldenValue, isAttributeName } from '@mdm/core';
import { GoldenRecordEntity, RelationshipStore } from '@mdm/persistence';
import { AttachUseCase, EraseUseCase, OverrideValueUseCase, StewardOptions, UnmergeUseCase } from '@mdm/golden';
import { UuidParam } from '../common/uuid-param.pipe';
import { API_DATA_SOURCE, API_STEWARD_OPTIONS } from '../tokens';
import { AttachBody, EraseBody, OverrideValueBody, RemoveOverrideBody, UnmergeBody, UnmergePreviewBody } from './stewardship.dto';
import { CurrentUser, PersonalData, Principal, Roles } from '../auth/decorators';
import { authorOf } from '../common/author';
import { READERS, STEWARDS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

class ExplainQuery {
  @IsOptional()
  @IsString()
  attribute?: string;
}

function attributeParam(name: string): AttributeName {
  if (!isAttributeName(name)) {
    throw new DomainError('VALIDATION_FAILED', `${name} is not a canonical attribute`, [{ field: 'attribute', message: `must be one of ${ATTRIBUTE_NAMES.join(', ')}` }]);
  }
  return name;
}

/** What a steward does to a golden record: explain a value, override it, split records out. */
@Controller('golden-records')
@Roles(...STEWARDS)
@ScopedTo('golden')
export class StewardshipController {
  private readonly overrides: OverrideValueUseCase;
  private readonly unmerge: UnmergeUseCase;
  private readonly attach: AttachUseCase;
  private readonly erase: EraseUseCase;

  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_STEWARD_OPTIONS) options: StewardOptions,
  ) {
    this.overrides = new OverrideValueUseCase(db, options);
    this.unmerge = new UnmergeUseCase(db, options);
    this.attach = new AttachUseCase(db);
    this.erase = new EraseUseCase(db, options);
  }

  /** Erases a person (right to erasure): their personal data everywhere, tombstones downstream, an audit entry without the data. */
  @Post(':id/erase')
  @HttpCode(200)
  async erasePerson(@Param('id', new UuidParam('id')) id: string, @Body() body: EraseBody, @CurrentUser() user?: Principal) {
    return this.erase.execute({ goldenId: id, by: authorOf(user, body.by), reason: body.reason });
  }

  /**
   * Its relationships now: the accounts of a contact, the contacts of an account, stated by the
   * sources or made by a steward; each side resolved to the golden record holding it today.
   */
  @Get(':id/relationships')
  @Roles(...READERS)
  async relationships(@Param('id', new UuidParam('id')) id: string) {
    const golden = await this.db.getRepository(GoldenRecordEntity).findOneBy({ id });
    if (!golden) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${id}`);
    const target = golden.status === 'merged' && golden.mergedInto ? golden.mergedInto : golden.id;
    return { goldenId: target, items: await new RelationshipStore(this.db.manager).forGolden(target) };
  }

  /** A steward attaches this golden record to another one (a qualified lead to its account). */
  @Post(':id/relationships')
  async relate(@Param('id', new UuidParam('id')) id: string, @Body() body: AttachBody, @CurrentUser() user?: Principal) {
    return this.attach.execute({ goldenId: id, role: body.role, targetGoldenId: body.goldenId.toLowerCase(), by: authorOf(user, body.by), reason: body.reason });
  }

  /** Why the golden record says what it says: for each value, its source record, the rule that chose it and the reason. */
  @Get(':id/explain')
  @Roles(...READERS)
  @PersonalData()
  async explain(@Param('id', new UuidParam('id')) id: string, @Query() query: ExplainQuery) {
    const golden = await this.db.getRepository(GoldenRecordEntity).findOneBy({ id });
    if (!golden) throw new DomainError('GOLDEN_NOT_FOUND', `no golden record ${id}`);
    const values = { attributes: golden.attributes, lineage: golden.lineage } as Parameters<typeof explainGoldenValue>[0];
    const attributes = query.attribute !== undefined ? [attributeParam(query.attribute)] : ATTRIBUTE_NAMES.filter((a) => values.attributes[a] !== undefined);
    return { goldenId: golden.id, version: golden.version, items: attributes.map((a) => explainGoldenValue(values, a)) };
  }

  /**
   * A steward's value for one attribute, which wins over every rule until removed: `value`, or
   * "choose a value" with `fromSourceRecord` (the value that source record of the golden record holds).
   */
  @Put(':id/overrides/:attribute')
  @Roles('steward', 'admin')
  @PersonalData()
  async override(@Param('id', new UuidParam('id')) id: string, @Param('attribute') attribute: string, @Body() body: OverrideValueBody, @CurrentUser() user?: Principal) {
    const by = authorOf(user, body.by);
    const name = attributeParam(attribute);
    if (body.fromSourceRecord !== undefined && body.value !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'give value or fromSourceRecord, not both', [{ field: 'value', message: 'not with fromSourceRecord' }]);
    }
    const saved = body.fromSourceRecord
      ? await this.overrides.choose({ goldenId: id, attribute: name, fromSourceRecord: body.fromSourceRecord, by, reason: body.reason })
      : await this.overrides.set({ goldenId: id, attribute: name, value: body.value!, by, reason: body.reason });
    return { goldenId: saved.id, version: saved.version, attributes: saved.attributes, lineage: saved.lineage };
  }

  @Delete(':id/overrides/:attribute')
  @PersonalData()
  async removeOverride(@Param('id', new UuidParam('id')) id: string, @Param('attribute') attribute: string, @Body() body: RemoveOverrideBody, @CurrentUser() user?: Principal) {
    const saved = await this.overrides.remove({ goldenId: id, attribute: attributeParam(attribute), by: authorOf(user, body.by), reason: body.reason });
    return { goldenId: saved.id, version: saved.version, attributes: saved.attributes, lineage: saved.lineage };
  }

  /** Takes source records out into a new golden record; `preview: true` shows both results without applying. */
  @Post(':id/unmerge')
  @HttpCode(200)
  @PersonalData()
  async split(@Param('id', new UuidParam('id')) id: string, @Body() body: UnmergeBody, @CurrentUser() user?: Principal) {
    return this.unmerge.execute({ goldenId: id, sourceRecords: recordRefs(body.sourceRecords), by: authorOf(user, body.by), reason: body.reason, preview: body.preview });
  }

  /**
   * What a split would give, without writing anything: the golden values (and lineage) of the
   * record that stays and of the one split off, computed by the same survivorship code as the split.
   */
  @Post(':id/unmerge/preview')
  @HttpCode(200)
  @Roles('steward', 'admin')
  @PersonalData()
  async previewSplit(@Param('id', new UuidParam('id')) id: string, @Body() body: UnmergePreviewBody, @CurrentUser() user?: Principal) {
    return this.unmerge.execute({ goldenId: id, sourceRecords: recordRefs(body.sourceRecords), by: user?.id ?? 'preview', reason: 'preview', preview: true });
  }
}

/** `<source>:<source id>` → its parts (a source name holds no colon). */
function recordRefs(ids: string[]): { source: string; sourceId: string }[] {
  return ids.map((r) => {
    const at = r.indexOf(':');
    return { source: r.slice(0, at), sourceId: r.slice(at + 1) };
  });
}
