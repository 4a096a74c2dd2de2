import { parentPort, workerData } from 'node:worker_threads';
import { DomainError, SourceMapping } from '@mdm/core';
import { InboundMessage } from '@mdm/messaging';
import { prepareMapped, prepareMessage } from './record-preparation';
import { warmUpRecords } from './warm-up';
import { frenchStandardizer } from './standardizer';
import { PreparationRequest, PreparationWorkerData, PreparedOutcome, PreparationError } from './preparation-pool';

/**
 * A preparation thread: decodes, maps and standardizes the messages it is sent, off the engine's
 * event loop, and answers with what it made of each (the messages themselves stay with the engine).
 */
const { mappings, defaultCountry, maxMessageBytes } = workerData as PreparationWorkerData;
const byTopic = new Map<string, SourceMapping>(mappings.map((m) => [m.topic, m]));
const bySource = new Map<string, SourceMapping>(mappings.map((m) => [m.source, m]));
const standardizer = frenchStandardizer(defaultCountry);

// the code run once before the first batch, so that it is compiled by then
for (let round = 0; round < 3; round++) prepareMapped(warmUpRecords(mappings[0]?.source ?? 'warm-up', 50), standardizer);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', ({ id, messages }: PreparationRequest) => {
  try {
    const outcomes = messages.map((m): PreparedOutcome => {
      // a structured clone turns a Buffer into a Uint8Array over the same bytes
      const message: InboundMessage = { ...m, key: asBuffer(m.key), value: asBuffer(m.value) };
      const prepared = prepareMessage(message, byTopic, bySource, standardizer, maxMessageBytes);
      return prepared.ok ? { ok: true, records: prepared.records } : { ok: false, error: errorOf(prepared.error) };
    });
    parentPort!.postMessage({ id, outcomes });
  } catch (error) {
    // not a fault of the message (those are dead letters): the engine retries the batch
    parentPort!.postMessage({ id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

function asBuffer(bytes: Uint8Array | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function errorOf(error: DomainError): PreparationError {
  return { code: error.code, message: error.message, details: error.details };
}
