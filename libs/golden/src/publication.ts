import { randomUUID } from 'node:crypto';
import { CanonicalAttributes, ChangeCause, ErpCreationRequest, GoldenEvent, GoldenEventType, GoldenSnapshot, XrefMessage, xrefKey, AttributeName, PartyKind } from '@mdm/core';
import { GoldenRow, OutboxMessage } from '@mdm/persistence';
import { InboundMessage, OutboundTopics } from '@mdm/messaging';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

export function snapshotMessage(topics: OutboundTopics, golden: GoldenRow): OutboxMessage {
  const snapshot: GoldenSnapshot = {
    schema: 'mdm.golden.party/v1',
    goldenId: golden.id,
    kind: golden.kind,
    version: golden.version,
    attributes: golden.attributes,
    lineage: golden.lineage,
    sources: golden.sources,
    createdAt: golden.createdAt.toISOString(),
    updatedAt: golden.updatedAt.toISOString(),
  };
  return { topic: topics.goldenParties, key: golden.id, value: json(snapshot), headers: { 'mdm-schema': snapshot.schema } };
}

/** A tombstone: the golden record no longer exists under this id (merged away or erased). */
export function tombstoneMessage(topics: OutboundTopics, goldenId: string): OutboxMessage {
  return { topic: topics.goldenParties, key: goldenId, value: null };
}

export function eventMessage(topics: OutboundTopics, input: {
  type: GoldenEventType;
  goldenId: string;
  kind: PartyKind;
  version: number;
  changedFields: AttributeName[];
  cause: ChangeCause;
  at: Date;
  mergedIds?: string[];
  redirectedTo?: string;
  splitInto?: string[];
}): OutboxMessage {
  const event: GoldenEvent = {
    schema: 'mdm.golden.event/v1',
    eventId: randomUUID(),
    type: input.type,
    goldenId: input.goldenId,
    kind: input.kind,
    version: input.version,
    changedFields: input.changedFields,
    ...(input.mergedIds ? { mergedIds: input.mergedIds } : {}),
    ...(input.redirectedTo ? { redirectedTo: input.redirectedTo } : {}),
    ...(input.splitInto ? { splitInto: input.splitInto } : {}),
    cause: input.cause,
    occurredAt: input.at.toISOString(),
  };
  return {
    topic: topics.goldenEvents,
    key: input.goldenId,
    value: json(event),
    headers: { 'mdm-event-id': event.eventId, 'mdm-event-type': event.type, 'mdm-schema': event.schema },
  };
}

export function xrefMessage(topics: OutboundTopics, input: {
  source: string;
  sourceId: string;
  goldenId: string;
  previousGoldenId: string | null;
  kind: PartyKind;
  at: Date;
}): OutboxMessage {
  const message: XrefMessage = {
    schema: 'mdm.xref/v1',
    source: input.source,
    sourceId: input.sourceId,
    goldenId: input.goldenId,
    previousGoldenId: input.previousGoldenId,
    kind: input.kind,
    linkedAt: input.at.toISOString(),
  };
  return { topic: topics.xref, key: xrefKey(input.source, input.sourceId), value: json(message), headers: { 'mdm-schema': message.schema } };
}

/** The dead-letter copy of a source message: its bytes unchanged, and headers saying where it came from and why. */
export function deadLetterMessage(topics: OutboundTopics, message: InboundMessage, code: string, reason: string): OutboxMessage {
  return {
    topic: topics.deadLetters,
    // keyed by where it was read, so an erasure can remove it from the topic with a tombstone
    key: deadLetterKey(message.topic, message.partition, message.offset),
    value: message.value,
    headers: {
      ...message.headers,
      ...(message.key ? { 'mdm-original-key': message.key.toString('utf8').replaceAll('\u0000', '') } : {}),
      'mdm-original-topic': message.topic,
      'mdm-original-partition': String(message.partition),
      'mdm-original-offset': message.offset,
      'mdm-error-code': code,
      'mdm-error-message': reason.slice(0, 1000),
    },
  };
}

/** The key of a dead letter on `mdm.dlq`: the topic, partition and offset the message was read at. */
export function deadLetterKey(topic: string, partition: number, offset: string): string {
  return `${topic}:${partition}:${offset}`;
}

/** The one ERP creation request of a golden record. */
export function erpRequestMessage(topics: OutboundTopics, input: { requestId: string; goldenId: string; kind: PartyKind; account: CanonicalAttributes; at: Date }): OutboxMessage {
  const request: ErpCreationRequest = {
    schema: 'mdm.erp.request/v1',
    requestId: input.requestId,
    goldenId: input.goldenId,
    kind: input.kind,
    account: input.account,
    requestedAt: input.at.toISOString(),
  };
  return { topic: topics.erpRequests, key: input.goldenId, value: json(request), headers: { 'mdm-schema': request.schema, 'mdm-request-id': request.requestId } };
}
