import { standardizedIsGeneric } from './standardized-match-record';

describe('standardizedIsGeneric', () => {
  it('gives the same verdict each time it is asked, per kind: a role mailbox at its own domain is generic for a person only', () => {
    for (let round = 0; round < 3; round++) {
      expect(standardizedIsGeneric('email', 'contact@dupont-freres.fr', 'organization')).toBe(false);
      expect(standardizedIsGeneric('email', 'contact@dupont-freres.fr', 'person')).toBe(true);
      expect(standardizedIsGeneric('email', 'jeanne.dupont@dupont-freres.fr', 'person')).toBe(false);
      expect(standardizedIsGeneric('phone', '+33600000000', 'person')).toBe(true);
      expect(standardizedIsGeneric('phone', '+33612345678', 'person')).toBe(false);
      expect(standardizedIsGeneric('lastName', 'inconnu', 'person')).toBe(true);
      expect(standardizedIsGeneric('birthName', 'inconnu', 'person')).toBe(true);
    }
  });
});
