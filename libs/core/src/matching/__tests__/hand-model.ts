import { ComparisonSpec } from '../comparison-spec';
import { MatchModel } from '../match-model';
import { MatchRecord } from '../match-record';
import { untrainedModel } from '../training';

const SPECS: ComparisonSpec[] = [
  { name: 'lastName', field: 'lastName', levels: [{ label: 'exact', rule: { type: 'exact' } }] },
  { name: 'birthDate', field: 'birthDate', levels: [{ label: 'exact', rule: { type: 'exact' } }] },
  { name: 'email', field: 'email', levels: [{ label: 'exact', rule: { type: 'exact' } }] },
];

/**
 * A hand-set model for the incremental tests, λ = 1/101 (prior −6.64 bits), thresholds link 0.9 /
 * review 0.5: lastName exact +6.49, else −3.31; birthDate exact +9.64, else −2.32; email exact
 * +16.46, else −3.32 (log2 of m/u for each level).
 */
export function handModel(): MatchModel {
  const model = untrainedModel(SPECS, { link: 0.9, review: 0.5 });
  const levels = (m: number, u: number) => [
    { label: 'null', m: 1, u: 1 },
    { label: 'exact', m, u },
    { label: 'else', m: 1 - m, u: 1 - u },
  ];
  return {
    ...model,
    prior: 1 / 101,
    comparisons: [
      { spec: SPECS[0], levels: levels(0.9, 0.01) },
      { spec: SPECS[1], levels: levels(0.8, 0.001) },
      { spec: SPECS[2], levels: levels(0.9, 0.00001) },
    ],
  };
}

/** A person record whose source is the prefix of its id (`erp:7` comes from erp). */
export const person = (id: string, values: Partial<MatchRecord>): MatchRecord => ({ id, source: id.split(':')[0], kind: 'person', ...values });
