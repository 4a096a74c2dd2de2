import { ATTRIBUTE_NAMES, AttributeName, CanonicalAttributes, PartyKind } from '../model/attributes';
import { FindingCode, Severity, severityOf } from './findings';
import { standardizeRecord, StandardizeOptions } from './standardize-record';
import { cleanText } from './text';

export interface QualityRow {
  source: string;
  kind: PartyKind;
  raw: CanonicalAttributes;
}

export interface FindingCount {
  code: FindingCode;
  severity: Severity;
  count: number;
}

export interface AttributeQuality {
  attribute: AttributeName;
  /** Records of the source. */
  count: number;
  /** Records where the source gave a value. */
  filled: number;
  /** Filled records with no error or warning finding on the attribute. */
  valid: number;
  /** filled / count, 0 to 1. */
  fillRate: number;
  /** valid / filled, 0 to 1 (1 when nothing is filled). */
  validityRate: number;
  topFindings: FindingCount[];
}

export interface SourceQuality {
  source: string;
  records: number;
  /** Records with at least one error finding. */
  recordsWithErrors: number;
  attributes: AttributeQuality[];
  /** Every finding code seen, most frequent first. */
  findings: FindingCount[];
}

export interface QualityReport {
  sources: SourceQuality[];
  totals: SourceQuality;
}

export interface QualityReportOptions extends StandardizeOptions {
  /** Finding codes listed per attribute (default 3). */
  topFindings?: number;
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(isFilled);
  if (typeof value === 'string') return cleanText(value) !== '';
  return typeof value === 'number';
}

class SourceAccumulator {
  records = 0;
  recordsWithErrors = 0;
  readonly filled = new Map<AttributeName, number>();
  readonly valid = new Map<AttributeName, number>();
  readonly byAttribute = new Map<AttributeName, Map<FindingCode, number>>();
  readonly all = new Map<FindingCode, number>();

  constructor(readonly source: string) {}

  add(raw: CanonicalAttributes, findings: { code: FindingCode; attribute: AttributeName | null }[]): void {
    this.records++;
    if (findings.some((f) => severityOf(f.code) === 'error')) this.recordsWithErrors++;
    const flagged = new Set<AttributeName>();
    for (const f of findings) {
      this.all.set(f.code, (this.all.get(f.code) ?? 0) + 1);
      if (f.attribute === null) continue;
      const counts = this.byAttribute.get(f.attribute) ?? new Map<FindingCode, number>();
      counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      this.byAttribute.set(f.attribute, counts);
      if (severityOf(f.code) !== 'info') flagged.add(f.attribute);
    }
    const record = (raw ?? {}) as Record<string, unknown>;
    for (const name of ATTRIBUTE_NAMES) {
      if (!isFilled(record[name])) continue;
      this.filled.set(name, (this.filled.get(name) ?? 0) + 1);
      if (!flagged.has(name)) this.valid.set(name, (this.valid.get(name) ?? 0) + 1);
    }
  }

  merge(other: SourceAccumulator): void {
    this.records += other.records;
    this.recordsWithErrors += other.recordsWithErrors;
    for (const [k, v] of other.filled) this.filled.set(k, (this.filled.get(k) ?? 0) + v);
    for (const [k, v] of other.valid) this.valid.set(k, (this.valid.get(k) ?? 0) + v);
    for (const [k, v] of other.all) this.all.set(k, (this.all.get(k) ?? 0) + v);
    for (const [attribute, counts] of other.byAttribute) {
      const mine = this.byAttribute.get(attribute) ?? new Map<FindingCode, number>();
      for (const [k, v] of counts) mine.set(k, (mine.get(k) ?? 0) + v);
      this.byAttribute.set(attribute, mine);
    }
  }

  build(top: number): SourceQuality {
    const attributes: AttributeQuality[] = [];
    for (const attribute of ATTRIBUTE_NAMES) {
      const filled = this.filled.get(attribute) ?? 0;
      const counts = this.byAttribute.get(attribute);
      if (filled === 0 && counts === undefined) continue;
      const valid = this.valid.get(attribute) ?? 0;
      attributes.push({
        attribute,
        count: this.records,
        filled,
        valid,
        fillRate: this.records === 0 ? 0 : filled / this.records,
        validityRate: filled === 0 ? 1 : valid / filled,
        topFindings: sortCounts(counts ?? new Map()).slice(0, top),
      });
    }
    return { source: this.source, records: this.records, recordsWithErrors: this.recordsWithErrors, attributes, findings: sortCounts(this.all) };
  }
}

function sortCounts(counts: Map<FindingCode, number>): FindingCount[] {
  return [...counts]
    .map(([code, count]) => ({ code, severity: severityOf(code), count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Standardizes every row and measures, per source and per attribute, how often the source fills
 * the attribute, how often the value is valid, and which findings come up most.
 */
export function buildQualityReport(rows: QualityRow[], options: QualityReportOptions = {}): QualityReport {
  const top = options.topFindings ?? 3;
  const bySource = new Map<string, SourceAccumulator>();
  for (const row of rows) {
    const accumulator = bySource.get(row.source) ?? new SourceAccumulator(row.source);
    bySource.set(row.source, accumulator);
    const { findings } = standardizeRecord(row.kind, row.raw, options);
    accumulator.add(row.raw, findings);
  }
  const totals = new SourceAccumulator('(all sources)');
  const sources = [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const s of sources) totals.merge(s);
  return { sources: sources.map((s) => s.build(top)), totals: totals.build(top) };
}

/** 12345 -> "12,345" (no locale: the output is the same on every machine). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One decimal; never shows 100.0% for "almost all" nor 0.0% for "a few". */
function percent(rate: number): string {
  let value = Math.round(rate * 1000) / 10;
  if (value === 100 && rate < 1) value = 99.9;
  if (value === 0 && rate > 0) value = 0.1;
  return `${value.toFixed(1)}%`;
}

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function formatSource(s: SourceQuality): string[] {
  const out: string[] = [];
  const errorShare = s.records === 0 ? 0 : s.recordsWithErrors / s.records;
  out.push(`${s.source}: ${thousands(s.records)} records, ${thousands(s.recordsWithErrors)} with errors (${percent(errorShare)})`);
  const rows = s.attributes.map((a) => [
    a.attribute,
    thousands(a.filled),
    percent(a.fillRate),
    thousands(a.valid),
    a.filled === 0 ? '-' : percent(a.validityRate),
    a.topFindings.map((f) => `${f.code} ${thousands(f.count)}`).join(', '),
  ]);
  out.push(...table(['attribute', 'filled', 'fill', 'valid', 'validity', 'top findings'], rows, [false, true, true, true, true, false]).map((l) => `  ${l}`));
  if (s.findings.length > 0) {
    out.push('  findings:');
    const findingRows = s.findings.map((f) => [thousands(f.count), f.severity, f.code]);
    out.push(...table(['count', 'severity', 'code'], findingRows, [true, false, false]).map((l) => `    ${l}`));
  }
  return out;
}

/** The report as a fixed-width text table for a terminal. */
export function formatQualityReport(report: QualityReport): string {
  const lines: string[] = [];
  lines.push(`Data quality: ${thousands(report.totals.records)} records from ${report.sources.length} source${report.sources.length === 1 ? '' : 's'}`);
  for (const s of report.sources) {
    lines.push('');
    lines.push(...formatSource(s));
  }
  if (report.sources.length > 1) {
    lines.push('');
    lines.push(...formatSource(report.totals));
  }
  return `${lines.join('\n')}\n`;
}
