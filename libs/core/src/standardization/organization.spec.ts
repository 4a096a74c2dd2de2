import { legalNameKey, normalizeLegalForm, splitLegalForm } from './organization';

describe('splitLegalForm', () => {
  it.each([
    ['SARL Dupont', 'Dupont', ['SARL']],
    ['Dupont SARL', 'Dupont', ['SARL']],
    ['Dupont S.A.R.L.', 'Dupont', ['SARL']],
    ['Dupont S.A.R.L', 'Dupont', ['SARL']],
    ['Dupont Sarl', 'Dupont', ['SARL']],
    ['Dupont (SAS)', 'Dupont', ['SAS']],
    ['Dupont, SA', 'Dupont', ['SA']],
    ['Dupont - SASU', 'Dupont', ['SASU']],
    ['EURL Boulangerie Martin', 'Boulangerie Martin', ['EURL']],
    ['SNC Durand Frères', 'Durand Frères', ['SNC']],
    ['SCI Les Tilleuls', 'Les Tilleuls', ['SCI']],
    ['Coopérative Ouvrière SCOP', 'Coopérative Ouvrière', ['SCOP']],
    ['Vins du Rhône SCA', 'Vins du Rhône', ['SCA']],
    ['SELARL Cabinet Dentaire Petit', 'Cabinet Dentaire Petit', ['SELARL']],
    ['EI Jean Dupont', 'Jean Dupont', ['EI']],
    ['Jean Dupont EIRL', 'Jean Dupont', ['EIRL']],
    ['GIE Transports Réunis', 'Transports Réunis', ['GIE']],
    ['Dupont Société à responsabilité limitée', 'Dupont', ['SARL']],
    ['DUPONT SOCIETE ANONYME', 'DUPONT', ['SA']],
    ['Société par actions simplifiée Dupont', 'Dupont', ['SAS']],
    ['SAS DUPONT SAS', 'DUPONT', ['SAS', 'SAS']],
    ['SA SARL Dupont', 'Dupont', ['SA', 'SARL']],
    ['Ste Dupont SARL', 'Ste Dupont', ['SARL']],
    ["L'Oréal SA", "L'Oréal", ['SA']],
    ['Les Amis du Louvre - Association', 'Les Amis du Louvre', ['Association']],
  ])('%j -> name %j, forms %j', (input, name, forms) => {
    expect(splitLegalForm(input)).toMatchObject({ name, forms });
  });

  it.each(['SAS', 'Samsung', 'Chez Sam', 'Sasha Conseil', 'Eiffage', 'Société Générale', 'Gie'])('%j keeps its name', (input) => {
    expect(splitLegalForm(input).name).toBe(input);
  });

  it('keeps "Association" at the start of the display name but reports the form', () => {
    expect(splitLegalForm('Association des Amis du Louvre')).toEqual({ name: 'Association des Amis du Louvre', forms: ['Association'], associationPrefix: true });
  });
});

describe('normalizeLegalForm', () => {
  it.each([
    ['sarl', 'SARL'],
    ['S.A.R.L.', 'SARL'],
    ['s.a.s.u', 'SASU'],
    ['Société anonyme', 'SA'],
    ['société civile immobilière', 'SCI'],
    ['Entreprise individuelle', 'EI'],
    ['association loi 1901', 'Association'],
    ['Assoc.', 'Association'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeLegalForm(input)).toBe(expected);
  });

  it.each(['Ltd', 'GmbH', 'société', ''])('%j is not a French legal form', (input) => {
    expect(normalizeLegalForm(input)).toBeUndefined();
  });
});

describe('legalNameKey', () => {
  it.each([
    ['Sté Dupont & Fils S.A.R.L.', 'dupont et fils'],
    ['DUPONT ET FILS', 'dupont et fils'],
    ['Société Dupont', 'dupont'],
    ['Ste DUPONT', 'dupont'],
    ['SARL Dupont', 'dupont'],
    ['Dupont + Associés', 'dupont et associes'],
    ['Association des Amis du Louvre', 'amis du louvre'],
    ['Les Amis du Louvre (association)', 'les amis du louvre'],
    ["L'Atelier du Bois", 'l atelier du bois'],
    ['Société', 'societe'],
    ['SAS', 'sas'],
  ])('%j -> %j', (input, expected) => {
    expect(legalNameKey(input)).toBe(expected);
  });
});
