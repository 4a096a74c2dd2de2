import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, ErrorCode, ErrorDetail, SourceMapping } from '@mdm/core';
import { InboundMessage } from '@mdm/messaging';
import { Preparation, PreparedRecord } from './record-preparation';

/** What a preparation thread is started with: everything preparation reads of the rules. */
export interface PreparationWorkerData {
  mappings: SourceMapping[];
  defaultCountry: string;
  maxMessageBytes: number;
}

export interface PreparationRequest {
  id: number;
  messages: InboundMessage[];
}

export interface PreparationError {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

/** A message's preparation as a thread sends it back: without the message, which the engine keeps. */
export type PreparedOutcome = { ok: true; records: PreparedRecord[] } | { ok: false; error: PreparationError };

type Reply = { id: number; outcomes: PreparedOutcome[] } | { id: number; failure: string } | { ready: true };

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Settles once the thread has run its code on made-up records (or has stopped). */
  ready: Promise<void>;
}

interface Pending {
  messages: InboundMessage[];
  resolve: (prepared: Preparation[]) => void;
  reject: (error: Error) => void;
}

/** The compiled thread script, beside this module once built (`npm run build`). */
export const PREPARATION_WORKER_SCRIPT = join(__dirname, 'preparation-worker.js');

/**
 * Prepares source messages (decoding, mapping, standardization: about a quarter of the engine's CPU
 * time) on threads of their own, so that the event loop running the transactions, the outbox relay
 * and the consumer is not held up by it. Requests go to the thread with the fewest in hand, so with
 * several threads they may be answered out of order: the engine hands prepared batches over in the
 * order it received them. A thread that dies fails the requests it held (their batches are delivered
 * again) and is replaced.
 */
export class PreparationPool {
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private stopped = false;

  constructor(
    private readonly data: PreparationWorkerData,
    size: number,
    private readonly script = PREPARATION_WORKER_SCRIPT,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error('a preparation pool needs at least one thread');
    if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  prepare(messages: InboundMessage[]): Promise<Preparation[]> {
    if (this.stopped) return Promise.reject(new Error('the preparation threads are stopped'));
    if (messages.length === 0) return Promise.resolve([]);
    const index = this.threads.reduce((best, t, i) => (t.pending.size < this.threads[best].pending.size ? i : best), 0);
    const thread = this.threads[index];
    const id = this.nextId++;
    return new Promise<Preparation[]>((resolve, reject) => {
      thread.pending.set(id, { messages, resolve, reject });
      thread.worker.postMessage({ id, messages } satisfies PreparationRequest);
    });
  }

  /** Settles once every thread has warmed up (run its code once on made-up records). */
  async ready(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.ready));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(this.script, { workerData: this.data });
    let warm!: () => void;
    const thread: Thread = { worker, pending: new Map<number, Pending>(), ready: new Promise<void>((resolve) => (warm = resolve)) };
    // an idle thread must not keep the process alive
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return warm();
      const request = thread.pending.get(reply.id);
      if (!request) return;
      thread.pending.delete(reply.id);
      if ('failure' in reply) request.reject(new Error(`preparation failed: ${reply.failure}`));
      else request.resolve(reply.outcomes.map((outcome, i) => joinMessage(request.messages[i], outcome)));
    });
    const fail = (error: Error) => {
      for (const request of thread.pending.values()) request.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      warm();
      fail(new Error(`a preparation thread stopped (exit code ${code})`));
      if (this.stopped) return;
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads[at] = this.spawn();
    });
    return thread;
  }
}

function joinMessage(message: InboundMessage, outcome: PreparedOutcome): Preparation {
  if (outcome.ok) return { ok: true, message, payload: message.value as Buffer, records: outcome.records };
  return { ok: false, message, error: new DomainError(outcome.error.code, outcome.error.message, outcome.error.details) };
}
