import { Command } from 'commander';
import { decideMatch, loadModels, MatchRecord, modelForKind, PairScore, scorePair, trainOnRecords } from '@mdm/core';
import { genericTest, parseColumnMap, parseKind, parseStandardizer, prepareRows, readInputs } from './resolve.input';

export interface ExplainCommandOptions {
  input: string[];
  id: string;
  map: string;
  kind?: string;
  kindColumn?: string;
  country?: string;
  pair: string;
  model?: string;
  linkOnly?: boolean;
  standardizer?: string;
  json?: boolean;
}

export interface Explanation {
  left: MatchRecord;
  right: MatchRecord;
  score: PairScore;
  decision: string;
}

/** Scores one pair of input records with a model (given, or trained on the inputs like `mdm resolve`). */
export function runExplain(options: ExplainCommandOptions): Explanation {
  const ids = options.pair.split(',').map((s) => s.trim());
  if (ids.length !== 2 || ids.some((id) => id === '')) throw new Error('--pair: expected <id1>,<id2>');
  const country = (options.country ?? 'FR').toUpperCase();
  const standardizer = parseStandardizer(options.standardizer);
  const records = prepareRows(readInputs(options.input, options.id), parseColumnMap(options.map), { kind: parseKind(options.kind), kindColumn: options.kindColumn, country, standardizer });
  const [left, right] = ids.map((id) => {
    const record = records.find((r) => r.id === id);
    if (!record) throw new Error(`--pair: no record "${id}"`);
    return record;
  });
  if (left.kind !== right.kind) throw new Error(`--pair: ${left.id} is a ${left.kind ?? 'record'}, ${right.id} a ${right.kind ?? 'record'}: never the same party`);
  const sameKind = records.filter((r) => r.kind === left.kind);
  const models = options.model ? loadModels(options.model) : trainOnRecords(sameKind, { defaultCountry: country, linkOnly: options.linkOnly, isGeneric: genericTest(standardizer) });
  const model = modelForKind(models, left.kind);
  if (!model) throw new Error(`--model: no model for ${left.kind ?? 'these records'}`);
  const score = scorePair(left, right, model, { defaultCountry: country, isGeneric: genericTest(standardizer) });
  return { left, right, score, decision: decideMatch(score, model.thresholds) };
}

/** The contributions as a text waterfall: each bar starts where the previous one ended. */
export function formatExplanation(e: Explanation): string {
  const lines = [`${e.left.id}  ↔  ${e.right.id}`, ''];
  const shown = (r: MatchRecord) =>
    Object.entries(r)
      .filter(([k]) => !['id', 'kind', 'source', 'country'].includes(k))
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(';') : String(v)}`)
      .join('  ');
  lines.push(`  ${shown(e.left)}`, `  ${shown(e.right)}`, '');
  const cumulative = e.score.contributions.reduce<number[]>((acc, c) => [...acc, (acc.at(-1) ?? 0) + c.weight], []);
  const low = Math.min(0, ...cumulative);
  const scale = Math.min(2, 60 / Math.max(1, Math.max(0, ...cumulative) - low)); // characters per bit
  lines.push(`${'comparison'.padEnd(14)}${'level'.padEnd(34)}${'weight'.padStart(8)}${'total'.padStart(8)}`);
  e.score.contributions.forEach((c, i) => {
    if (c.level === 'null') return;
    const from = (i === 0 ? 0 : cumulative[i - 1]) - low;
    const to = cumulative[i] - low;
    const start = Math.round(Math.min(from, to) * scale);
    const bar = ' '.repeat(start) + (c.weight >= 0 ? '+' : '-').repeat(Math.max(1, Math.round(Math.abs(c.weight) * scale)));
    const tf = c.termFrequencyAdjustment ? ` (tf ${c.termFrequencyAdjustment >= 0 ? '+' : ''}${c.termFrequencyAdjustment.toFixed(2)})` : '';
    lines.push(`${c.comparison.padEnd(14)}${(c.level + tf).padEnd(34)}${c.weight.toFixed(2).padStart(8)}${cumulative[i].toFixed(2).padStart(8)}  ${bar}`);
  });
  const missing = e.score.contributions.filter((c) => c.level === 'null').map((c) => c.comparison);
  if (missing.length > 0) lines.push(`(no evidence, weight 0: ${missing.join(', ')})`);
  lines.push('', `match weight ${e.score.weight.toFixed(2)} bits → probability ${e.score.probability.toFixed(6)}`);
  lines.push(`decision: ${e.decision}${e.score.rule ? ` (rule: ${e.score.rule})` : ''}`);
  return lines.join('\n');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `mdm explain`: the per-comparison weights of one pair (the bars of a waterfall chart). */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('explain the match weight of one pair of records, comparison by comparison')
    .requiredOption('--input <file.csv>', 'input CSV (repeat for several sources; ids are then <file name>:<id>)', collect)
    .requiredOption('--id <column>', 'record id column')
    .requiredOption('--map <column=attribute,...>', 'columns to canonical attributes')
    .requiredOption('--pair <id1,id2>', 'the two record ids')
    .option('--kind <kind>', 'person or organization', 'person')
    .option('--kind-column <column>', 'a column giving each row\'s kind, for files mixing persons and organizations')
    .option('--country <ISO>', 'default country for phones and postal codes', 'FR')
    .option('--model <model.json>', 'a trained model (default: train on the inputs, as mdm resolve does)')
    .option('--link-only', 'train as mdm resolve --link-only')
    .option('--standardizer <name>', 'library (default) or builtin, as for mdm resolve', 'library')
    .option('--json', 'print the score as JSON')
    .action((options: ExplainCommandOptions) => {
      const explanation = runExplain(options);
      process.stdout.write(`${options.json ? JSON.stringify({ ...explanation.score, decision: explanation.decision }) : formatExplanation(explanation)}\n`);
    });
}
