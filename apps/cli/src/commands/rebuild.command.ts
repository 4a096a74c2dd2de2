import { Command } from 'commander';
import { join } from 'node:path';
import { resolveDatabase } from '@mdm/infra';
import { outboundTopics } from '@mdm/messaging';
import { loadRules, loadSettings } from '@mdm/settings';
import { rebuildGoldenRecords } from '@mdm/engine/rebuild/rebuild';

/**
 * `mdm rebuild`: recomputes every golden record from the stored source records and the stewards'
 * decisions, and reports any difference from the live golden records. Exits 1 when there is one.
 */
export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description("recompute every golden record from the stored source records and the stewards' decisions, in a scratch database, and report any difference from the live state (exit 1 if any)")
    .option('--keep', 'keep the rebuilt database for inspection')
    .option('--json', 'print the report as JSON')
    .action(async (options: { keep?: boolean; json?: boolean }) => {
      const settings = loadSettings();
      const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
      try {
        const loaded = loadRules(settings.MDM_CONFIG_DIR);
        const rules = { ...loaded, mappings: loaded.mappings.map((m) => ({ ...m, topic: settings.MDM_TOPIC_PREFIX + m.topic })) };
        const report = await rebuildGoldenRecords({
          databaseUrl: database.url,
          rules,
          topics: outboundTopics(settings.MDM_TOPIC_PREFIX),
          maxMessageBytes: settings.MDM_MAX_MESSAGE_BYTES,
          keep: options.keep,
        });
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          const say = (line: string) => process.stdout.write(`${line}\n`);
          say(`Replayed:          ${report.sourceRecords} source records from ${report.messages} messages (${report.erasedSkipped} erased records left out)`);
          say(`Steward decisions: ${report.stewardDecisions} match / not-a-match, ${report.overrides} overrides (${report.overridesUnplaced} without a counterpart)`);
          say(`Golden records:    ${report.liveGoldenRecords} live, ${report.rebuiltGoldenRecords} rebuilt`);
          say(`Erased come back:  ${report.erasedResurrected}`);
          say(`Refused in replay: ${report.replayDeadLetters.length}`);
          for (const d of report.replayDeadLetters.slice(0, 20)) say(`  ${d.topic}:${d.partition}:${d.offset} ${d.code} ${d.message}`);
          say(`Differences:       ${report.differences.length}`);
          for (const difference of report.differences.slice(0, 50)) say(`  ${difference}`);
          if (report.differences.length > 50) say(`  … and ${report.differences.length - 50} more`);
          if (report.rebuiltDatabase) say(`Rebuilt database kept: ${report.rebuiltDatabase}`);
        }
        if (report.differences.length > 0 || report.replayDeadLetters.length > 0 || report.erasedResurrected > 0 || report.overridesUnplaced > 0) process.exitCode = 1;
      } finally {
        await database.stop();
      }
    });
}
