import { Controller, Get, Inject, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageQuery } from '../common/page.query';
import { API_DATA_SOURCE } from '../tokens';
import { Roles } from '../auth/decorators';
import { STEWARDS } from '../auth/roles.constant';

/** The erasure register: who erased which golden record, when and why; never the erased data. */
@Controller('erasures')
@Roles(...STEWARDS)
export class ErasuresController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  @Get()
  async list(@Query() query: PageQuery) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, golden_id AS "goldenId", golden_ids AS "goldenIds", source_records AS "sourceRecords", dead_letters AS "deadLetters",
              erased_by AS "erasedBy", reason, erased_at AS "erasedAt"
         FROM erasure ORDER BY erased_at DESC, id LIMIT $1 OFFSET $2`,
      [query.limit, query.offset],
    );
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM erasure`);
    return { total, limit: query.limit, offset: query.offset, items: rows };
  }
}
