import 'reflect-metadata';
import { Command } from 'commander';
import { registerAccessCommands } from './commands/access.command';
import { registerBenchCommand } from './commands/bench.command';
import { registerDemoCommand } from './commands/demo.command';
import { registerEvaluateCommand } from './commands/evaluate.command';
import { registerExplainCommand } from './commands/explain.command';
import { registerExplainGoldenCommand } from './commands/explain-golden.command';
import { registerResolveCommand } from './commands/resolve.command';
import { registerEngineCommand } from './commands/engine.command';
import { registerGenerateCommand } from './commands/generate.command';
import { registerKafkaCommand } from './commands/kafka.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerProduceCommand } from './commands/produce.command';
import { registerQualityCommand } from './commands/quality.command';
import { registerRebuildCommand } from './commands/rebuild.command';

const program = new Command('mdm').description('single customer view engine').showHelpAfterError();
registerDemoCommand(program);
registerEngineCommand(program);
registerGenerateCommand(program);
registerKafkaCommand(program);
registerMigrateCommand(program);
registerProduceCommand(program);
registerQualityCommand(program);
registerRebuildCommand(program);
registerResolveCommand(program);
registerEvaluateCommand(program);
registerExplainCommand(program);
registerExplainGoldenCommand(program);
registerBenchCommand(program);
registerAccessCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`mdm: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
