import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { metricsRegistry } from '@mdm/observability';
import { API_DATA_SOURCE } from '../tokens';
import { Roles } from '../auth/decorators';
import { ScopedTo } from '../auth/source-scope';

/**
 * Prometheus metrics: the process's own counters (records in, dead letters, batch duration) and
 * figures of the stored state read at each scrape (golden records, open tasks, unpublished messages).
 */
@Controller('metrics')
@Roles('admin', 'system')
@ScopedTo('filtered')
export class MetricsController {
  private readonly registry: Registry;

  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {
    const state = new Registry();
    const gauge = (name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => Promise<void>) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [state],
        async collect() {
          this.reset();
          await read((labels, value) => this.set(labels, value));
        },
      });
    gauge('mdm_golden_records', 'Golden records by kind and status', ['kind', 'status'], async (set) => {
      for (const r of await db.query(`SELECT kind, status, count(*)::int AS n FROM golden_record GROUP BY kind, status`)) set({ kind: r.kind, status: r.status }, r.n);
    });
    gauge('mdm_source_records', 'Stored source records by source', ['source'], async (set) => {
      for (const r of await db.query(`SELECT source, count(*)::int AS n FROM source_record GROUP BY source`)) set({ source: r.source }, r.n);
    });
    gauge('mdm_tasks_open', 'Open steward tasks by type', ['type'], async (set) => {
      for (const r of await db.query(`SELECT type, count(*)::int AS n FROM steward_task WHERE status = 'open' GROUP BY type`)) set({ type: r.type }, r.n);
    });
    gauge('mdm_dead_letters_stored', 'Dead letters kept in the database, by error code', ['code'], async (set) => {
      for (const r of await db.query(`SELECT error_code, count(*)::int AS n FROM dead_letter GROUP BY error_code`)) set({ code: r.error_code }, r.n);
    });
    gauge('mdm_outbox_pending', 'Messages committed but not yet published', [], async (set) => {
      const [r] = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
      set({}, r.n);
    });
    gauge('mdm_near_names_pending', 'Stored records whose near names the near-name reviewer has still to look at', [], async (set) => {
      const [r] = await db.query(`SELECT count(*)::int AS n FROM near_name_queue`);
      set({}, r.n);
    });
    gauge('mdm_near_names_oldest_wait_seconds', 'How long the oldest record waiting for the near-name reviewer has waited', [], async (set) => {
      const [r] = await db.query(`SELECT coalesce(extract(epoch FROM now() - min(queued_at)), 0)::float AS s FROM near_name_queue`);
      set({}, r.s);
    });
    this.registry = Registry.merge([metricsRegistry, state]);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
