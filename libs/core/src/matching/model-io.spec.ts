import { parseModel, parseModels, serializeModel, serializeModels } from './model-io';
import { MatchModel } from './match-model';
import { untrainedModel } from './training';

function model(): MatchModel {
  const base = untrainedModel([{ name: 'birthDate', field: 'birthDate', levels: [{ label: 'exact', rule: { type: 'exact' } }] }]);
  return {
    ...base,
    prior: 0.1,
    comparisons: [{ spec: base.comparisons[0].spec, levels: [{ label: 'null', m: 1, u: 1 }, { label: 'exact', m: 0.9, u: 0.001 }, { label: 'else', m: 0.1, u: 0.999 }] }],
  };
}

describe('model files', () => {
  it('round-trips a model through JSON', () => {
    const text = serializeModel(model());
    expect(parseModel(text)).toEqual(model());
  });

  it('keeps one model per kind in a models file, and reads a single model as the model of every kind', () => {
    expect(parseModels(serializeModels({ person: model(), organization: model() }))).toEqual({ person: model(), organization: model() });
    expect(parseModels(serializeModel(model()))).toEqual({ any: model() });
    expect(() => parseModels('{"format":"mdm-match-models","version":1,"models":{"robot":{}}}')).toThrow(/unknown kind "robot"/);
  });

  it('rejects what is not a usable model', () => {
    expect(() => parseModel('{"format":"other"}')).toThrow(/format/);
    expect(() => parseModel(serializeModel({ ...model(), prior: 1 }))).toThrow(/prior/);
    const badLevel = model();
    badLevel.comparisons[0].levels[1].u = 0;
    expect(() => parseModel(serializeModel(badLevel))).toThrow(/birthDate, level exact/);
    const missingLevel = model();
    missingLevel.comparisons[0].levels.pop();
    expect(() => parseModel(serializeModel(missingLevel))).toThrow(/2 levels, expected 3/);
    expect(() => parseModel(serializeModel({ ...model(), thresholds: { link: 0.5, review: 0.9 } }))).toThrow(/thresholds/);
  });
});
