import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AttributeName,
  ChangeCause,
  CompletenessProfile,
  ErpSyncPolicy,
  GoldenEventType,
  PartyKind,
  SurvivorshipPolicy,
  changedAttributes,
  computeGoldenValues,
  decideErpSync,
} from '@mdm/core';
import { ErpSyncStore, GoldenRow, OutboxMessage, ResolutionStore, StewardTaskStore } from '@mdm/persistence';
import { OutboundTopics } from '@mdm/messaging';
import { erpRequestMessage, eventMessage, snapshotMessage } from './publication';

export interface GoldenChange {
  type: GoldenEventType;
  cause: ChangeCause;
  /** golden.merged: the ids merged into this one. */
  mergedIds?: string[];
  /** golden.unmerged: the golden records split out of this one. */
  splitInto?: string[];
}

/** What every writer of golden records needs besides the transaction. */
export interface GoldenRules {
  topics: OutboundTopics;
  survivorship: SurvivorshipPolicy;
  /** ERP synchronisation; absent, no creation request is ever made. */
  erp?: { policy: ErpSyncPolicy; profiles: CompletenessProfile[] };
}

/**
 * Recomputes a golden record from its member records and its steward overrides, and writes the
 * result on the caller's transaction: a new version, its history entry, the snapshot and event for
 * the outbox, and what the change means for the ERP. The one path every change takes (ingestion,
 * steward actions), so lineage, history, messages and ERP requests never disagree.
 */
export class GoldenWriter {
  private readonly store: ResolutionStore;

  constructor(
    private readonly db: EntityManager,
    private readonly rules: GoldenRules,
    private readonly outbox: OutboxMessage[],
  ) {
    this.store = new ResolutionStore(db);
  }

  /** Returns the attributes that changed and the saved row (null when nothing was written). */
  async recompute(target: GoldenRow, change: GoldenChange, now: Date): Promise<{ changed: AttributeName[]; saved: GoldenRow | null }> {
    const values = computeGoldenValues(target.kind, await this.store.loadMembers(target.id), this.rules.survivorship, await this.store.loadOverrides(target.id));
    const changed = changedAttributes(target.attributes, values.attributes);
    const sourcesChanged = JSON.stringify(values.sources) !== JSON.stringify(target.sources);
    // a new version of a source record that changes no value is no news for downstream systems; a
    // steward's action always is (an override of a value by the same value still changes who owns it)
    const fromSource = 'source' in change.cause;
    if (change.type === 'golden.updated' && fromSource && changed.length === 0 && !sourcesChanged) return { changed, saved: null };

    const version = target.version + 1;
    await this.store.saveGolden(target.id, values, version, now);
    const saved: GoldenRow = { ...target, ...values, version, updatedAt: now };
    await this.store.appendHistory({ goldenId: target.id, version, changeType: change.type, changedFields: changed, cause: change.cause, attributes: values.attributes, at: now });
    this.outbox.push(snapshotMessage(this.rules.topics, saved));
    this.outbox.push(
      eventMessage(this.rules.topics, {
        type: change.type,
        goldenId: target.id,
        kind: target.kind as PartyKind,
        version,
        changedFields: changed,
        cause: change.cause,
        at: now,
        ...(change.mergedIds ? { mergedIds: change.mergedIds } : {}),
        ...(change.splitInto ? { splitInto: change.splitInto } : {}),
      }),
    );
    await this.syncErp(saved, now);
    return { changed, saved };
  }

  /**
   * A customer the ERP does not hold gets exactly one creation request, once it has what the ERP
   * requires; until then a steward task says what is missing. An ERP record in the golden record
   * means the ERP holds it.
   */
  private async syncErp(golden: GoldenRow, now: Date): Promise<void> {
    const erp = this.rules.erp;
    if (!erp) return;
    const sync = new ErpSyncStore(this.db);
    const tasks = new StewardTaskStore(this.db);
    const erpRecord = golden.sources.find((s) => s.source === erp.policy.source);
    if (erpRecord) {
      const current = await sync.find(golden.id);
      if (current?.status !== 'created') await sync.markCreated(golden.id, erpRecord.sourceId, now);
      await tasks.closeGoldenTask('erp-incomplete', golden.id, `the ERP holds it as ${erpRecord.sourceId}`, now);
      return;
    }
    const decision = decideErpSync(golden, erp.policy, erp.profiles);
    if (decision.action === 'none') return;
    const current = await sync.find(golden.id);
    if (current && current.status !== 'incomplete') return;
    if (decision.action === 'incomplete') {
      await sync.markIncomplete(golden.id, decision.missing, now);
      await tasks.upsertGoldenTask('erp-incomplete', golden.id, 50, { profile: decision.profile, missing: decision.missing }, now);
      return;
    }
    const requestId = randomUUID();
    if (!(await sync.markRequested(golden.id, requestId, now))) return;
    this.outbox.push(erpRequestMessage(this.rules.topics, { requestId, goldenId: golden.id, kind: golden.kind, account: decision.account, at: now }));
    await tasks.closeGoldenTask('erp-incomplete', golden.id, 'complete: the creation request was sent', now);
  }
}
