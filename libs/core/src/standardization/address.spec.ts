import { cityKey, displayCity, displayStreet, normalizeHouseNumber, normalizePostalCode, splitCedex, splitHouseNumber } from './address';
import { normalizeCountry } from './countries';

describe('splitHouseNumber', () => {
  it.each([
    ['12 rue de la Paix', undefined, '12', 'rue de la Paix'],
    ['12 bis rue de la Paix', undefined, '12 bis', 'rue de la Paix'],
    ['12bis rue de la Paix', undefined, '12 bis', 'rue de la Paix'],
    ['12 BIS, rue de la Paix', undefined, '12 bis', 'rue de la Paix'],
    ['12 ter avenue Foch', undefined, '12 ter', 'avenue Foch'],
    ['3 quater bd Victor Hugo', undefined, '3 quater', 'bd Victor Hugo'],
    ['12B rue de la Paix', undefined, '12 bis', 'rue de la Paix'],
    ['12 A rue de la Paix', undefined, '12 A', 'rue de la Paix'],
    ['12-14 rue de la Paix', undefined, '12-14', 'rue de la Paix'],
    ['12, rue de la Paix', undefined, '12', 'rue de la Paix'],
    ['1 N Ogden Ave', undefined, '1', 'N Ogden Ave'],
    ['12 rue de la Paix', '12', '12', 'rue de la Paix'],
    ['12 12 rue de la Paix', undefined, '12', 'rue de la Paix'],
    ['12B rue de la Paix', '12 bis', '12 bis', 'rue de la Paix'],
    ['14 rue de la Paix', '12', '12', '14 rue de la Paix'],
  ])('%j with house number %j -> %j + %j', (street, houseNumber, expectedNumber, expectedStreet) => {
    expect(splitHouseNumber(street, houseNumber)).toEqual({ street: expectedStreet, houseNumber: expectedNumber });
  });

  it.each(['rue de la Paix', '12', 'BP 123', 'Lieu-dit Le Bourg'])('%j has no house number to split', (street) => {
    expect(splitHouseNumber(street)).toEqual({ street });
  });

  it.each([
    ['12b', '12 bis'],
    ['12 BIS', '12 bis'],
    ['12 t', '12 ter'],
    [' 7 ', '7'],
    ['12 a', '12 A'],
    ['bâtiment C', 'bâtiment C'],
  ])('normalizeHouseNumber(%j) -> %j', (input, expected) => {
    expect(normalizeHouseNumber(input)).toBe(expected);
  });
});

describe('displayStreet', () => {
  it.each([
    ['bd Haussmann', 'Boulevard Haussmann'],
    ['BD ST GERMAIN', 'Boulevard Saint-Germain'],
    ['boul. Voltaire', 'Boulevard Voltaire'],
    ['av. de la republique', 'Avenue de la République'],
    ['AVE DU GENERAL LECLERC', 'Avenue du Général Leclerc'],
    ['r de la paix', 'Rue de la Paix'],
    ['R. DES ECOLES', 'Rue des Écoles'],
    ['pl. de la Concorde', 'Place de la Concorde'],
    ['rte de Lyon', 'Route de Lyon'],
    ['imp des Lilas', 'Impasse des Lilas'],
    ['fg Saint-Antoine', 'Faubourg Saint-Antoine'],
    ['fbg st honore', 'Faubourg Saint-Honore'],
    ['chem. des Vignes', 'Chemin des Vignes'],
    ['all. des Tilleuls', 'Allée des Tilleuls'],
    ['crs Mirabeau', 'Cours Mirabeau'],
    ['qu. des Orfèvres', 'Quai des Orfèvres'],
    ['sq. Louvois', 'Square Louvois'],
    ['res les Pins', 'Résidence les Pins'],
    ['lot. Le Clos', 'Lotissement le Clos'],
    ['ZI DES PAULINES', 'Zone Industrielle des Paulines'],
    ['ZA du Moulin', 'Zone Artisanale du Moulin'],
    ['RUE LOUIS XIV', 'Rue Louis XIV'],
    ["RUE D'ALSACE", "Rue d'Alsace"],
    ['RUE D ALSACE', "Rue d'Alsace"],
    ['rue de la Paix', 'Rue de la Paix'],
  ])('%j -> %j', (input, expected) => {
    expect(displayStreet(input, true)).toBe(expected);
  });

  it('does not apply French abbreviations abroad', () => {
    expect(displayStreet('N OGDEN AVE', false)).toBe('N Ogden Ave');
    expect(displayStreet('St Marks Place', false)).toBe('St Marks Place');
  });

  it('is idempotent', () => {
    for (const s of ['BD ST GERMAIN', 'ZI DES PAULINES', 'av. de la republique', "RUE D'ALSACE"]) {
      const once = displayStreet(s, true);
      expect(displayStreet(once, true)).toBe(once);
    }
  });
});

describe('normalizePostalCode', () => {
  it.each([
    ['75001', 'FR', '75001', true, undefined],
    ['75 001', 'FR', '75001', true, undefined],
    ['F-75001', 'FR', '75001', true, undefined],
    ['1000', 'FR', '01000', true, 'padded'],
    ['6000', 'FR', '06000', true, 'padded'],
    ['20000', 'FR', '20000', true, undefined],
    ['2A004', 'FR', '20004', true, 'corsica'],
    ['2b200', 'FR', '20200', true, 'corsica'],
    ['97400', 'FR', '97400', true, undefined],
    ['97110', 'GP', '97110', true, undefined],
    ['98000', 'MC', '98000', true, undefined],
    ['00100', 'FR', '00100', false, undefined],
    ['750011', 'FR', '750011', false, undefined],
    ['PARIS', 'FR', 'PARIS', false, undefined],
    ['96000', 'FR', '96000', false, undefined],
    ['1000', 'BE', '1000', true, undefined],
    ['L-1234', 'LU', '1234', true, undefined],
    ['8001', 'CH', '8001', true, undefined],
    ['60624', 'US', '60624', true, undefined],
    ['60624-1234', 'US', '60624-1234', true, undefined],
    ['sw1a 1aa', 'GB', 'SW1A 1AA', true, undefined],
    ['12345', 'JP', '12345', undefined, undefined],
  ])('%j in %s -> %j (valid %s, correction %s)', (input, country, value, valid, correction) => {
    const result = normalizePostalCode(input, country);
    expect(result.value).toBe(value);
    expect(result.valid).toBe(valid);
    expect(result.correction).toBe(correction);
  });
});

describe('cities', () => {
  it.each([
    ['PARIS', 'Paris'],
    ['ST ETIENNE', 'Saint-Etienne'],
    ['st etienne', 'Saint-Etienne'],
    ['STE GENEVIEVE DES BOIS', 'Sainte-Genevieve-des-Bois'],
    ['AIX EN PROVENCE', 'Aix-en-Provence'],
    ['BOULOGNE BILLANCOURT', 'Boulogne-Billancourt'],
    ['LA ROCHE SUR YON', 'La Roche-sur-Yon'],
    ['LE MANS', 'Le Mans'],
    ['LES SABLES D OLONNE', "Les Sables-d'Olonne"],
    ["VILLENEUVE D'ASCQ", "Villeneuve-d'Ascq"],
    ['Neuilly s/ Seine', 'Neuilly-sur-Seine'],
    ['L ISLE ADAM', "L'Isle-Adam"],
    ["L'HAY LES ROSES", "L'Hay-les-Roses"],
    ['VILLENEUVE ST GEORGES', 'Villeneuve-Saint-Georges'],
    ['Saint-Étienne', 'Saint-Étienne'],
    ['PARIS 08', 'Paris 08'],
    ['LYON 3E', 'Lyon 3e'],
  ])('displayCity(%j) -> %j', (input, expected) => {
    expect(displayCity(input, true)).toBe(expected);
  });

  it('only changes the case of a foreign city', () => {
    expect(displayCity('NEW YORK', false)).toBe('New York');
    expect(displayCity('ST LOUIS', false)).toBe('St Louis');
  });

  it.each([
    ['PARIS CEDEX 08', 'PARIS', 'CEDEX 08'],
    ['Lyon Cedex', 'Lyon', 'CEDEX'],
    ['NANTES CÉDEX 1', 'NANTES', 'CEDEX 1'],
  ])('splitCedex(%j) -> %j + %j', (input, rest, cedex) => {
    expect(splitCedex(input)).toEqual({ rest, cedex });
  });

  it('leaves a city without CEDEX alone', () => {
    expect(splitCedex('Cedexville')).toEqual({ rest: 'Cedexville' });
  });

  it.each([
    ['Paris Cedex 08', 'paris'],
    ['Paris 8e', 'paris'],
    ['Lyon 3eme arrondissement', 'lyon'],
    ['Saint-Étienne', 'saint etienne'],
    ["Villeneuve-d'Ascq", 'villeneuve d ascq'],
  ])('cityKey(%j) -> %j', (input, expected) => {
    expect(cityKey(input)).toBe(expected);
  });
});

describe('normalizeCountry', () => {
  it.each([
    ['France', 'FR'],
    ['FRANCE', 'FR'],
    ['france ', 'FR'],
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['FRA', 'FR'],
    ['Belgique', 'BE'],
    ['Belgium', 'BE'],
    ['BEL', 'BE'],
    ['Suisse', 'CH'],
    ['Schweiz', 'CH'],
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Espagne', 'ES'],
    ['España', 'ES'],
    ['Italie', 'IT'],
    ['Luxembourg', 'LU'],
    ['Royaume-Uni', 'GB'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Pays-Bas', 'NL'],
    ['États-Unis', 'US'],
    ['U.S.A.', 'US'],
    ["Côte d'Ivoire", 'CI'],
    ['La Réunion', 'RE'],
    ['Maroc', 'MA'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it.each(['Atlantis', 'ZZ', 'XX', '', 'Fr@nce'])('%j is unknown', (input) => {
    expect(normalizeCountry(input)).toBeUndefined();
  });
});
