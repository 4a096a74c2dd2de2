import { parseMatchingPolicy } from './matching-policy';

describe('parseMatchingPolicy', () => {
  it('fills the defaults around the model file', () => {
    expect(parseMatchingPolicy({ model: 'matching/model.json' }, 'matching.yaml')).toEqual({
      model: 'matching/model.json',
      minAverageProbability: 0.4,
      maxBlockSize: 1000,
      trigramNeighbours: 10,
      trigramSimilarity: 0.5,
      maxMembersPerGolden: 50,
      defaultCountry: 'FR',
      uniqueSources: [],
    });
  });

  it('names every wrong setting in one error', () => {
    expect(() =>
      parseMatchingPolicy({ model: '', thresholds: { link: 0.2, review: 0.6 }, maxBlockSize: 2.5, trigramNeighbours: -1, trigramSimilarity: 0, defaultCountry: 'France', thresold: 1 }, 'matching.yaml'),
    ).toThrow(
      'matching.yaml: model must name the trained models file; thresholds must be { link, review } with 0 ≤ review ≤ link ≤ 1; defaultCountry must be an ISO 3166 alpha-2 code such as FR; maxBlockSize must be an integer from 1 to 1000000; trigramNeighbours must be an integer from 0 to 1000; trigramSimilarity must be a number from 0.1 to 1; thresold is not a matching setting',
    );
  });
});
