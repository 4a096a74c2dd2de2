import { extractCivility, normalizeCivility } from './civility';
import { COMMON_GIVEN_NAMES, isCommonGivenName } from './given-names';
import { displayPersonName, givenNameKey, looksSwapped, splitBirthName, splitFullName, stripCivilities, surnameKeys } from './names';

describe('displayPersonName', () => {
  it.each([
    ['JEAN-PIERRE', 'Jean-Pierre'],
    ['jean pierre', 'Jean Pierre'],
    ['  marie   claire ', 'Marie Claire'],
    ['DUPONT', 'Dupont'],
    ['DE GAULLE', 'de Gaulle'],
    ['Charles DE GAULLE', 'Charles de Gaulle'],
    ['JEAN DE LA FONTAINE', 'Jean de la Fontaine'],
    ['LE GALL', 'Le Gall'],
    ['Yann LE GALL', 'Yann Le Gall'],
    ["D'ARTAGNAN", "D'Artagnan"],
    ["charles d'ARTAGNAN", "Charles d'Artagnan"],
    ["O'NEILL", "O'Neill"],
    ['Pierre DU PONT', 'Pierre du Pont'],
    ['MARTIN NEE DURAND', 'Martin née Durand'],
    ['Durand EPOUSE Martin', 'Durand épouse Martin'],
    ['McDonald', 'McDonald'],
    ['LEFÈVRE', 'Lefèvre'],
    ['éLODIE', 'Élodie'],
    ['ÉLODIE', 'Élodie'],
    ['J.-P.', 'J.-P.'],
    ['de', 'De'],
    ['jean\u2019pierre', "Jean'Pierre"],
  ])('%j -> %j', (input, expected) => {
    expect(displayPersonName(input)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    for (const name of ['JEAN DE LA FONTAINE', "d'ARTAGNAN de CASTELMORE", 'MARTIN NEE DURAND', 'İSTANBUL ÖZTÜRK']) {
      const once = displayPersonName(name);
      expect(displayPersonName(once)).toBe(once);
    }
  });
});

describe('civility', () => {
  it.each([
    ['M.', 'M.'],
    ['M', 'M.'],
    ['Mr', 'M.'],
    ['MR.', 'M.'],
    ['Monsieur', 'M.'],
    ['MONSIEUR', 'M.'],
    ['Mme', 'Mme'],
    ['Mme.', 'Mme'],
    ['madame', 'Mme'],
    ['Mrs', 'Mme'],
    ['Mlle', 'Mlle'],
    ['Melle', 'Mlle'],
    ['Mademoiselle', 'Mlle'],
    ['Dr', 'Dr'],
    ['Docteur', 'Dr'],
    ['Me', 'Me'],
    ['Maître', 'Me'],
    ['Maitre', 'Me'],
    ['Pr', 'Pr'],
    ['Professeur', 'Pr'],
    ['M. et Mme', 'M. et Mme'],
    ['Monsieur et Madame', 'M. et Mme'],
  ])('normalizeCivility(%j) -> %j', (input, expected) => {
    expect(normalizeCivility(input)).toBe(expected);
  });

  it.each(['Marie', 'Sir Lancelot', 'Mx', '', 'Madame Dupont'])('normalizeCivility(%j) is not a civility', (input) => {
    expect(normalizeCivility(input)).toBeUndefined();
  });

  it.each([
    ['M. Jean Dupont', 'M.', 'Jean Dupont'],
    ['Mme Marie Martin', 'Mme', 'Marie Martin'],
    ['MME DURAND', 'Mme', 'DURAND'],
    ['Monsieur DUPONT Jean', 'M.', 'DUPONT Jean'],
    ['Dr. House', 'Dr', 'House'],
    ['Me Dupond', 'Me', 'Dupond'],
    ['M Dupont', 'M.', 'Dupont'],
    ['M. et Mme Martin', 'M. et Mme', 'Martin'],
    ['Madame', 'Mme', ''],
    ['Mme. J. Martin', 'Mme', 'J. Martin'],
  ])('extractCivility(%j) -> %j + %j', (input, civility, rest) => {
    expect(extractCivility(input)).toEqual({ civility, rest });
  });

  it.each(['Marie Martin', 'Mégane Durand', 'Drouot', 'Prune', 'M.', 'M', 'Mme J.', 'Msika David'])('extractCivility(%j) finds none', (input) => {
    expect(extractCivility(input)).toBeUndefined();
  });

  it('strips several civilities in a row, the first one wins', () => {
    expect(stripCivilities('Mme M. Dupont')).toEqual({ civilities: ['Mme', 'M.'], rest: 'Dupont' });
  });
});

describe('splitFullName', () => {
  it.each([
    ['DUPONT Jean', 'Jean', 'DUPONT'],
    ['Jean DUPONT', 'Jean', 'DUPONT'],
    ['DUPONT Jean-Pierre', 'Jean-Pierre', 'DUPONT'],
    ['Jean de LA FONTAINE', 'Jean', 'de LA FONTAINE'],
    ['DE LA FONTAINE Jean', 'Jean', 'DE LA FONTAINE'],
    ['Jean Dupont', 'Jean', 'Dupont'],
    ['Dupont Jean', 'Jean', 'Dupont'],
    ['Dupont Jean Pierre', 'Jean Pierre', 'Dupont'],
    ['Jean Pierre Dupont', 'Jean Pierre', 'Dupont'],
    ['Dupont, Jean', 'Jean', 'Dupont'],
    ['DUPONT J.', 'J.', 'DUPONT'],
    ['J.-P. DUPONT', 'J.-P.', 'DUPONT'],
    ['Jean de Pierre', 'Jean', 'de Pierre'],
    ['Kowalczyk Zbigniew', 'Kowalczyk', 'Zbigniew'],
    ['MARTIN PIERRE', 'MARTIN', 'PIERRE'],
  ])('%j -> given %j, surname %j', (input, firstName, lastName) => {
    expect(splitFullName(input)).toEqual({ firstName, lastName });
  });

  it.each(['Dupont', '', '   ', '😀', 'Jean -'])('%j is not split', (input) => {
    expect(splitFullName(input)).toBeUndefined();
  });
});

describe('birth names', () => {
  it.each([
    ['Martin née Durand', 'Martin', 'Durand'],
    ['Martin nee DURAND', 'Martin', 'DURAND'],
    ['Durand épouse Martin', 'Martin', 'Durand'],
    ['Durand ep. Martin', 'Martin', 'Durand'],
    ['Durand veuve Martin', 'Martin', 'Durand'],
  ])('%j -> usage %j, birth %j', (input, usageName, birthName) => {
    expect(splitBirthName(input)).toEqual({ usageName, birthName });
  });

  it('leaves a plain surname alone', () => {
    expect(splitBirthName('Née')).toEqual({ usageName: 'Née' });
  });

  it('gives the birth name its own match form', () => {
    expect(surnameKeys('Martin née Durand-Lefèvre')).toEqual({ lastName: 'martin', birthName: 'durand lefevre' });
  });
});

describe('given names', () => {
  it('has about 300 common French given names', () => {
    expect(COMMON_GIVEN_NAMES.size).toBeGreaterThanOrEqual(300);
  });

  it.each([
    ['jean pierre', true],
    ['marie', true],
    ['dupont', false],
    ['jean dupont', false],
    ['', false],
  ])('isCommonGivenName(%j) -> %s', (input, expected) => {
    expect(isCommonGivenName(input)).toBe(expected);
  });

  it.each([
    ['Jean-Pierre', 'jean pierre'],
    ['Jean Pierre', 'jean pierre'],
    ['JEAN-PIERRE', 'jean pierre'],
    ['Jean--Pierre', 'jean pierre'],
    ['J.-P.', 'j p'],
    ['Hélène', 'helene'],
  ])('givenNameKey(%j) -> %j', (input, expected) => {
    expect(givenNameKey(input)).toBe(expected);
  });

  it.each([
    ['Dupont', 'Jean', true],
    ['Durand', 'Marie-Claire', true],
    ['Jean', 'Dupont', false],
    ['Martin', 'Pierre', false],
    ['J.', 'Pierre', false],
    ['Dupont', 'Martin née Durand', true],
  ])('looksSwapped(first %j, last %j) -> %s', (first, last, expected) => {
    expect(looksSwapped(first, last)).toBe(expected);
  });
});
