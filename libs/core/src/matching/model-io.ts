import { readFileSync, writeFileSync } from 'node:fs';
import { compileComparison } from './compare';
import { MatchModel } from './match-model';
import { ModelsByKind } from './resolve-records';

/** The model as JSON text (stable key order: the file diffs well between trainings). */
export function serializeModel(model: MatchModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** Parses and checks a model: format, version, probabilities in (0, 1], level counts matching the specs. */
export function parseModel(text: string): MatchModel {
  const model = JSON.parse(text) as MatchModel;
  const fail = (message: string): never => {
    throw new Error(`match model: ${message}`);
  };
  if (model?.format !== 'mdm-match-model') fail('not an mdm match model (format)');
  if (model.version !== 1) fail(`unsupported version ${String(model.version)}`);
  if (!(model.prior > 0 && model.prior < 1)) fail('prior must be in (0, 1)');
  if (!model.thresholds || !(model.thresholds.review <= model.thresholds.link)) fail('thresholds: review must not exceed link');
  if (!Array.isArray(model.comparisons) || model.comparisons.length === 0) fail('no comparisons');
  for (const comparison of model.comparisons) {
    const compiled = compileComparison(comparison.spec);
    if (comparison.levels.length !== compiled.labels.length) fail(`comparison ${comparison.spec.name}: ${comparison.levels.length} levels, expected ${compiled.labels.length}`);
    for (const level of comparison.levels)
      if (!(level.m > 0 && level.m <= 1 && level.u > 0 && level.u <= 1)) fail(`comparison ${comparison.spec.name}, level ${level.label}: m and u must be in (0, 1]`);
  }
  return model;
}

export function saveModel(model: MatchModel, path: string): void {
  writeFileSync(path, serializeModel(model));
}

export function loadModel(path: string): MatchModel {
  return parseModel(readFileSync(path, 'utf8'));
}

/** A file holding one model per kind (persons and organizations are matched apart). */
export interface ModelFile {
  format: 'mdm-match-models';
  version: 1;
  models: ModelsByKind;
}

export function serializeModels(models: ModelsByKind): string {
  const file: ModelFile = { format: 'mdm-match-models', version: 1, models };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a models file, or a single model (then used for every kind). */
export function parseModels(text: string): ModelsByKind {
  const parsed = JSON.parse(text) as Partial<ModelFile> & { format?: string };
  if (parsed?.format !== 'mdm-match-models') return { any: parseModel(text) };
  if (parsed.version !== 1) throw new Error(`match models: unsupported version ${String(parsed.version)}`);
  const models: ModelsByKind = {};
  for (const [kind, model] of Object.entries(parsed.models ?? {})) {
    if (kind !== 'person' && kind !== 'organization' && kind !== 'any') throw new Error(`match models: unknown kind "${kind}"`);
    models[kind] = parseModel(JSON.stringify(model));
  }
  return models;
}

export function saveModels(models: ModelsByKind, path: string): void {
  writeFileSync(path, serializeModels(models));
}

export function loadModels(path: string): ModelsByKind {
  return parseModels(readFileSync(path, 'utf8'));
}
