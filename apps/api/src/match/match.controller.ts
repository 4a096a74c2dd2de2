import { Controller, Get, Inject, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, MatchRecord, MatchingPolicy, ModelsByKind, NotAMatchSet, PartyKind, decideMatch, modelForKind, scorePair, standardizedIsGeneric } from '@mdm/core';
import { ResolutionStore, SourceRecordEntity } from '@mdm/persistence';
import { API_DATA_SOURCE, API_MATCHING } from '../tokens';
import { ExplainPairQuery } from './explain-pair.query';
import { Roles } from '../auth/decorators';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

/** Why two stored records are (not) the same party: the engine's score with the weight of every comparison. */
@Controller('match')
@Roles(...READERS)
@ScopedTo('pair')
export class MatchController {
  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_MATCHING) private readonly matching: MatchingPolicy & { models: ModelsByKind },
  ) {}

  @Get('explain')
  async explain(@Query() query: ExplainPairQuery) {
    const [left, right] = await Promise.all([this.load(query.left, 'left'), this.load(query.right, 'right')]);
    const model = modelForKind(this.matching.models, left.kind as PartyKind);
    if (!model) throw new DomainError('VALIDATION_FAILED', `no match model for ${left.kind} records`);
    // the steward decisions that concern these two records, as the engine reads them
    const notAMatch = new NotAMatchSet(await new ResolutionStore(this.db.manager).notAMatchPairs([query.left, query.right]));
    const score = scorePair(left.matchRecord as unknown as MatchRecord, right.matchRecord as unknown as MatchRecord, model, {
      isGeneric: standardizedIsGeneric,
      defaultCountry: this.matching.defaultCountry,
      notAMatch,
    });
    const thresholds = this.matching.thresholds ?? model.thresholds;
    return {
      left: query.left,
      right: query.right,
      weight: score.weight,
      probability: score.probability,
      decision: decideMatch(score, thresholds),
      thresholds,
      rule: score.rule ?? null,
      contributions: score.contributions,
    };
  }

  private async load(id: string, field: 'left' | 'right'): Promise<SourceRecordEntity> {
    const at = id.indexOf(':');
    const record = await this.db.getRepository(SourceRecordEntity).findOneBy({ source: id.slice(0, at), sourceId: id.slice(at + 1) });
    if (!record) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no source record ${id}`, [{ field, message: 'no such source record' }]);
    return record;
  }
}
