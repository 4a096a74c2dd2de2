import { IsISO8601, IsOptional } from 'class-validator';

/** `asOf`: read a golden record as it was at that instant (ISO 8601). */
export class AsOfQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date-time such as 2026-11-20T08:00:00Z' })
  asOf?: string;
}
