import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnvironment } from './harness';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'engine', 'src', 'main.js');

/** The built engine in a process of its own, as a supervisor runs it: it can be killed for real. */
export class EngineProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  private constructor(env: Record<string, string>) {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    this.child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts an engine (no API) on the environment's database and topics. */
  static start(test: TestEnvironment, settings: Record<string, string>): EngineProcess {
    return new EngineProcess({
      MDM_HOME: mkdtempSync(join(tmpdir(), 'mdm-engine-')),
      MDM_KAFKA_BROKERS: test.brokers.join(','),
      DATABASE_URL: test.databaseUrl,
      MDM_TOPIC_PREFIX: test.prefix,
      MDM_CONSUMER_GROUP: `${test.prefix}engine`,
      MDM_ROLES: 'engine',
      MDM_HTTP_PORT: '0',
      MDM_LOG_LEVEL: 'warn',
      MDM_OUTBOX_POLL_MS: '50',
      ...settings,
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.running) this.child.kill(signal);
  }

  /** Stops it gracefully (SIGTERM: the batch in hand finishes) and waits. */
  async stop(): Promise<void> {
    this.kill('SIGTERM');
    await this.exited;
  }
}
