import { AttributeName } from '../model/attributes';
import { isGenericValue, isPlaceholderValue, isSwitchboardNumber } from './generic-values';

describe('isGenericValue', () => {
  it.each<[AttributeName, string]>([
    ['email', 'test@test.com'],
    ['email', 'jean@example.com'],
    ['email', 'xxx@gmail.com'],
    ['email', 'noreply@dupont.fr'],
    ['email', 'no-reply@dupont.fr'],
    ['email', 'contact@dupont.fr'],
    ['email', 'info@dupont.fr'],
    ['email', 'compta@dupont.fr'],
    ['email', 'commercial@dupont.fr'],
    ['email', 'admin@dupont.fr'],
    ['email', 'nomail@orange.fr'],
    ['phone', '0000000000'],
    ['phone', '+33000000000'],
    ['phone', '+33123456789'],
    ['phone', '0123456789'],
    ['phone', '+33102030405'],
    ['phone', '+33111111111'],
    ['phone', '+33606060606'],
    ['phone', '+33145670000'], // switchboard
    ['phone', '12'],
    ['siret', '00000000000000'],
    ['siren', '000000000'],
    ['siren', '999999999'],
    ['vatNumber', 'FR00000000000'],
    ['birthDate', '1900-01-01'],
    ['birthDate', '9999-12-31'],
    ['postalCode', '00000'],
    ['lastName', 'Xxx'],
    ['lastName', 'N/A'],
    ['lastName', 'Inconnu'],
    ['firstName', 'test'],
    ['legalName', 'CLIENT DIVERS'],
    ['legalName', 'Client comptant'],
    ['street', 'Adresse inconnue'],
    ['city', 'n.c.'],
    ['lastName', 'Aaaa'],
  ])('%s %j is generic', (attribute, value) => {
    expect(isGenericValue(attribute, value)).toBe(true);
  });

  it.each<[AttributeName, string]>([
    ['email', 'jean.dupont@orange.fr'],
    ['email', 'contactless@dupont.fr'],
    ['phone', '+33612345678'],
    ['phone', '+33145678910'],
    ['phone', '+262692123456'],
    ['siret', '73282932000074'],
    ['siren', '732829320'],
    ['birthDate', '1980-03-05'],
    ['postalCode', '75001'],
    ['lastName', 'Dupont'],
    ['lastName', 'Na'],
    ['firstName', 'Anne'],
    ['legalName', 'Dupont et Fils'],
    ['houseNumber', '111'],
    ['city', 'Bar-le-Duc'],
  ])('%s %j is not generic', (attribute, value) => {
    expect(isGenericValue(attribute, value)).toBe(false);
  });

  it('tells a role mailbox (generic) from a placeholder', () => {
    expect(isPlaceholderValue('email', 'contact@dupont.fr')).toBe(false);
    expect(isGenericValue('email', 'contact@dupont.fr')).toBe(true);
  });

  it('a placeholder mailbox typed to get through a form', () => {
    expect(isPlaceholderValue('email', 'aucun@aucun.fr')).toBe(true);
    expect(isPlaceholderValue('email', 'neant@orange.fr')).toBe(true);
    expect(isPlaceholderValue('email', 'aurelie.aucun@orange.fr')).toBe(false);
  });

  it('opt-ins are never generic', () => {
    expect(isPlaceholderValue('emailOptIn', 'x')).toBe(false);
  });

  it.each([
    ['+33145670000', true],
    ['+33140200000', true],
    ['+33145678900', false],
    ['0000', false],
  ])('isSwitchboardNumber(%j) -> %s', (value, expected) => {
    expect(isSwitchboardNumber(value)).toBe(expected);
  });
});
