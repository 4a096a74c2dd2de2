import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { buildQualityReport, formatQualityReport, isPartyKind, normalizeCountry, PartyKind } from '@mdm/core';
import { readCsv } from './quality-csv';
import { mapRow, parseColumnMap, resolveColumns } from './quality-mapping';

interface QualityOptions {
  input: string;
  map: string[];
  source?: string;
  kind: string;
  country: string;
  delimiter?: string;
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `mdm quality --input file.csv --map 'Site name=legalName,Phone=phone'`: standardizes every row
 * of a CSV file and prints fill and validity rates per attribute, with the most frequent findings.
 */
export function registerQualityCommand(program: Command): void {
  program
    .command('quality')
    .description('data-quality report of a CSV file: fill rate, validity rate and findings per attribute')
    .requiredOption('--input <file.csv>', 'CSV file (UTF-8; BOM, quoted line breaks and ; or , delimiters are handled)')
    .requiredOption('--map <column=attribute,...>', 'columns to canonical attributes; repeatable; email and phone accept several columns', collect)
    .option('--source <name>', 'source name shown in the report (default: the file name)')
    .option('--kind <kind>', 'party kind: person or organization', 'person')
    .option('--country <ISO>', 'default country of phones and addresses when a row has none', 'FR')
    .option('--delimiter <char>', 'field delimiter (default: detected from the header line)')
    .option('--json', 'print the report as JSON')
    .action((options: QualityOptions) => {
      if (!isPartyKind(options.kind)) throw new Error(`--kind: "${options.kind}" is not person or organization`);
      const country = normalizeCountry(options.country);
      if (country === undefined) throw new Error(`--country: "${options.country}" is not a known country`);
      const kind: PartyKind = options.kind;
      const mappings = parseColumnMap(options.map);
      const table = readCsv(readFileSync(options.input, 'utf8'), options.delimiter);
      const columns = resolveColumns(mappings, table.headers);
      const source = options.source ?? basename(options.input, extname(options.input));
      const rows = table.rows.map((row) => ({ source, kind, raw: mapRow(row, columns) }));
      const report = buildQualityReport(rows, { defaultCountry: country });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatQualityReport(report));
    });
}
