import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  CompletenessProfile,
  ErpSyncPolicy,
  MatchingPolicy,
  ModelsByKind,
  SourceMapping,
  SurvivorshipPolicy,
  parseCompletenessProfiles,
  parseErpSyncPolicy,
  parseMatchingPolicy,
  parseModels,
  parseSourceMapping,
  parseSurvivorshipPolicy,
} from '@mdm/core';

/** The rule files of a configuration folder, parsed and validated. */
export interface EngineRules {
  mappings: SourceMapping[];
  survivorship: SurvivorshipPolicy;
  matching: MatchingPolicy & { models: ModelsByKind };
  completeness: CompletenessProfile[];
  erp: { policy: ErpSyncPolicy; profiles: CompletenessProfile[] };
}

export function loadRules(configDir: string): EngineRules {
  const dir = resolve(configDir);
  const sourcesDir = join(dir, 'sources');
  const mappings = readdirSync(sourcesDir)
    .filter((file) => /\.mapping\.ya?ml$/.test(file))
    .sort()
    .map((file) => parseSourceMapping(parse(readFileSync(join(sourcesDir, file), 'utf8')), join('sources', file)));
  const seen = new Map<string, string>();
  for (const mapping of mappings) {
    for (const key of [`source ${mapping.source}`, `topic ${mapping.topic}`]) {
      if (seen.has(key)) throw new Error(`two source mappings declare the same ${key}`);
      seen.set(key, mapping.source);
    }
  }
  const survivorship = parseSurvivorshipPolicy(parse(readFileSync(join(dir, 'survivorship.yaml'), 'utf8')), 'survivorship.yaml');
  const policy = parseMatchingPolicy(parse(readFileSync(join(dir, 'matching.yaml'), 'utf8')), 'matching.yaml');
  let models: ModelsByKind;
  try {
    models = parseModels(readFileSync(join(dir, policy.model), 'utf8'));
  } catch (error) {
    throw new Error(`matching.yaml: the model file ${policy.model} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const completeness = parseCompletenessProfiles(parse(readFileSync(join(dir, 'completeness-profiles.yaml'), 'utf8')));
  const erp = parseErpSyncPolicy(parse(readFileSync(join(dir, 'erp-sync.yaml'), 'utf8')), 'erp-sync.yaml', completeness.map((p) => p.name));
  return { mappings, survivorship, matching: { ...policy, models }, completeness, erp: { policy: erp, profiles: completeness } };
}
