import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTRACTS_DIR = join(__dirname, '..', '..', 'docs', 'contracts');

/** The schema names of the published messages, as in their `schema` field. */
export const CONTRACTS = ['mdm.golden.party/v1', 'mdm.golden.event/v1', 'mdm.xref/v1', 'mdm.erp.request/v1'] as const;
export type ContractName = (typeof CONTRACTS)[number];

const fileOf = (name: ContractName) => `${name.replace('/', '.')}.schema.json`;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validators = new Map(CONTRACTS.map((name) => [name, ajv.compile(JSON.parse(readFileSync(join(CONTRACTS_DIR, fileOf(name)), 'utf8')))]));

/** The problems of a message against the documented schema its `schema` field names; empty when it conforms. */
export function contractProblems(message: unknown): string[] {
  const name = (message as { schema?: string })?.schema as ContractName | undefined;
  const validate = name === undefined ? undefined : validators.get(name);
  if (!validate) return [`no documented schema for ${String(name)}`];
  return validate(message) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

export function example(name: ContractName): unknown {
  return JSON.parse(readFileSync(join(CONTRACTS_DIR, 'examples', `${name.replace('/', '.')}.json`), 'utf8'));
}
