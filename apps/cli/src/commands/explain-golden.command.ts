import { Command } from 'commander';
import { join } from 'node:path';
import { ATTRIBUTE_NAMES, AttributeName, explainGoldenValue, isAttributeName } from '@mdm/core';
import { resolveDatabase } from '@mdm/infra';
import { GoldenRecordEntity, createDataSource } from '@mdm/persistence';
import { loadSettings } from '@mdm/settings';

interface ExplainGoldenOptions {
  attribute?: string;
  json?: boolean;
}

/** `mdm explain-golden <id>`: why a golden record says what it says, value by value. */
export function registerExplainGoldenCommand(program: Command): void {
  program
    .command('explain-golden <goldenId>')
    .description('why each value of a stored golden record won: its source record, the survivorship rule and the reason')
    .option('--attribute <name>', 'only this attribute')
    .option('--json', 'print JSON instead of text')
    .action(async (goldenId: string, options: ExplainGoldenOptions) => {
      if (options.attribute !== undefined && !isAttributeName(options.attribute)) throw new Error(`--attribute: ${options.attribute} is not a canonical attribute`);
      const settings = loadSettings();
      const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
      const dataSource = createDataSource(database.url, { poolSize: 1, applicationName: 'mdm-explain-golden' });
      await dataSource.initialize();
      try {
        const golden = /^[0-9a-f-]{36}$/i.test(goldenId) ? await dataSource.getRepository(GoldenRecordEntity).findOneBy({ id: goldenId }) : null;
        if (!golden) throw new Error(`no golden record ${goldenId}`);
        const values = { attributes: golden.attributes, lineage: golden.lineage } as Parameters<typeof explainGoldenValue>[0];
        const attributes: AttributeName[] = options.attribute ? [options.attribute as AttributeName] : ATTRIBUTE_NAMES.filter((a) => values.attributes[a] !== undefined);
        const items = attributes.map((a) => explainGoldenValue(values, a));
        if (options.json) process.stdout.write(`${JSON.stringify({ goldenId: golden.id, version: golden.version, items }, null, 2)}\n`);
        else {
          process.stdout.write(`golden record ${golden.id} (${golden.kind}, version ${golden.version}${golden.status === 'merged' ? `, merged into ${golden.mergedInto}` : ''})\n`);
          for (const item of items) process.stdout.write(`  ${item.text}\n`);
        }
      } finally {
        await dataSource.destroy();
        await database.stop();
      }
    });
}
