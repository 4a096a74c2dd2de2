/** Activities (real NAF rev. 2 codes) with the words companies of that trade put in their names. */
export interface Activity {
  readonly naf: string;
  readonly weight: number;
  readonly words: readonly string[];
  /** Legal form imposed by the activity (associations, property companies), if any. */
  readonly legalForm?: string;
}

export const ACTIVITIES: readonly Activity[] = [
  { naf: '62.01Z', weight: 6, words: ['Informatique', 'Digital', 'Logiciels', 'Numérique', 'Systèmes', 'Data'] },
  { naf: '62.02A', weight: 3, words: ['Conseil Informatique', 'IT Services', 'Infogérance'] },
  { naf: '58.29C', weight: 1, words: ['Software', 'Solutions'] },
  { naf: '47.11F', weight: 1, words: ['Hypermarché', 'Hyper'] },
  { naf: '47.11D', weight: 2, words: ['Supermarché', 'Market'] },
  { naf: '47.11C', weight: 2, words: ['Alimentation', 'Épicerie', 'Proxi'] },
  { naf: '56.10A', weight: 8, words: ['Restaurant', 'Brasserie', 'Bistrot', 'Auberge', 'Le Relais'] },
  { naf: '56.10C', weight: 4, words: ['Snack', 'Pizza', 'Burger', 'Kebab'] },
  { naf: '56.30Z', weight: 3, words: ['Café', 'Bar', 'Bar-Tabac'] },
  { naf: '10.71C', weight: 5, words: ['Boulangerie', 'Boulangerie-Pâtisserie', 'Fournil'] },
  { naf: '10.71D', weight: 1, words: ['Pâtisserie'] },
  { naf: '10.13B', weight: 1, words: ['Charcuterie', 'Salaisons'] },
  { naf: '47.22Z', weight: 1, words: ['Boucherie', 'Boucherie-Charcuterie'] },
  { naf: '43.21A', weight: 5, words: ['Électricité', 'Élec', 'Électricité Générale'] },
  { naf: '43.22A', weight: 4, words: ['Plomberie', 'Sanitaire'] },
  { naf: '43.22B', weight: 3, words: ['Chauffage', 'Climatisation', 'Thermique'] },
  { naf: '43.32A', weight: 3, words: ['Menuiserie', 'Menuiserie Bois'] },
  { naf: '43.34Z', weight: 3, words: ['Peinture', 'Décoration'] },
  { naf: '43.99C', weight: 4, words: ['Maçonnerie', 'Bâtiment', 'Construction'] },
  { naf: '41.20A', weight: 1, words: ['Maisons', 'Constructions'] },
  { naf: '69.20Z', weight: 3, words: ['Expertise Comptable', 'Audit', 'Fiduciaire', 'Cabinet Comptable'] },
  { naf: '69.10Z', weight: 2, words: ['Avocats', 'Cabinet'] },
  { naf: '70.22Z', weight: 5, words: ['Conseil', 'Consulting', 'Stratégie', 'Management'] },
  { naf: '71.12B', weight: 2, words: ['Ingénierie', 'Études Techniques', "Bureau d'Études"] },
  { naf: '49.41A', weight: 3, words: ['Transports', 'Logistique', 'Fret'] },
  { naf: '45.20A', weight: 4, words: ['Garage', 'Auto Services', 'Carrosserie'] },
  { naf: '45.11Z', weight: 1, words: ['Automobiles'] },
  { naf: '96.02A', weight: 4, words: ['Coiffure', 'Salon de Coiffure', 'Hair'] },
  { naf: '86.21Z', weight: 2, words: ['Cabinet Médical', 'Centre Médical'] },
  { naf: '47.73Z', weight: 2, words: ['Pharmacie'] },
  { naf: '68.31Z', weight: 3, words: ['Immobilier', 'Immo', 'Agence Immobilière'] },
  { naf: '68.20B', weight: 3, words: ['Patrimoine', 'Immobilière', 'Foncière'], legalForm: 'SCI' },
  { naf: '55.10Z', weight: 2, words: ['Hôtel', 'Hôtel du Centre'] },
  { naf: '01.21Z', weight: 1, words: ['Domaine', 'Vignobles', 'Château'] },
  { naf: '11.02A', weight: 1, words: ['Champagne'] },
  { naf: '46.90Z', weight: 2, words: ['Distribution', 'Négoce'] },
  { naf: '46.73A', weight: 1, words: ['Matériaux', 'Bois et Matériaux'] },
  { naf: '25.62B', weight: 2, words: ['Mécanique', 'Usinage', 'Mécanique de Précision'] },
  { naf: '81.21Z', weight: 2, words: ['Nettoyage', 'Propreté', 'Multi-Services'] },
  { naf: '81.30Z', weight: 2, words: ['Paysages', 'Jardins', 'Espaces Verts'] },
  { naf: '73.11Z', weight: 2, words: ['Communication', 'Publicité', 'Média'] },
  { naf: '85.59A', weight: 2, words: ['Formation', 'Formations'] },
  { naf: '47.71Z', weight: 2, words: ['Boutique', 'Mode', 'Prêt-à-Porter'] },
  { naf: '47.76Z', weight: 1, words: ['Fleurs', 'Fleuriste'] },
  { naf: '64.20Z', weight: 2, words: ['Holding', 'Participations', 'Finances'] },
  { naf: '94.99Z', weight: 2, words: ['Association', 'Amicale', 'Comité des Fêtes'], legalForm: 'association' },
  { naf: '93.12Z', weight: 1, words: ['Football Club', 'Tennis Club', 'Club Sportif'], legalForm: 'association' },
];

/** Fancy prefixes for invented company names ("Atlantic Conseil", "Nova Digital"). */
export const NAME_PREFIXES: readonly string[] = [
  'Alpha', 'Nova', 'Atlantic', 'Azur', 'Horizon', 'Avenir', 'Optima', 'Synergie', 'Cap', 'Eco', 'Bio', 'Euro', 'Inter',
  'Alliance', 'Ariane', 'Hélios', 'Vision', 'Prisme', 'Arc', 'Altitude', 'Oxygène', 'Phénix', 'Delta', 'Oméga', 'Néo',
  'Trident', 'Armor', 'Océane', 'Provence', 'Alpes', 'Loire', 'Garonne', 'Rhône', 'Lutèce', 'Gallia',
];

/** Places companies name themselves after ("Plomberie du Centre", "Garage de la Gare"). */
export const NAME_PLACES: readonly string[] = [
  'du Centre', 'de la Gare', 'des Alpes', 'du Sud-Ouest', "de l'Ouest", "de l'Est", 'du Nord', 'Atlantique', 'Méditerranée',
  'de Provence', 'de Bretagne', 'de Normandie', 'du Lac', 'du Port', 'de la Vallée', 'du Val de Loire', 'des Deux Rives',
  'du Marché', 'de la Place', 'des Halles',
];

/** Syllables for acronym-like names (SOFIMEC, SODEXA). */
export const ACRONYM_SYLLABLES: readonly string[] = [
  'SO', 'FI', 'ME', 'CA', 'TRA', 'DI', 'BA', 'TEC', 'GE', 'RO', 'VAL', 'NOR', 'SUD', 'MA', 'CO', 'DE', 'XA', 'LOR', 'BRI', 'PRO',
];

/** Legal forms (INSEE short names) with their weight among companies. */
export const LEGAL_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['SAS', 30], ['SARL', 26], ['SASU', 12], ['EURL', 7], ['SA', 4], ['EI', 8], ['SNC', 2], ['SELARL', 2],
  ['SCOP', 1], ['GIE', 0.5], ['EIRL', 0.5], ['SCA', 0.2],
];

/** How each legal form is written with dots, as some sources do. */
export const DOTTED_LEGAL_FORMS: Readonly<Record<string, string>> = {
  SA: 'S.A.', SAS: 'S.A.S.', SASU: 'S.A.S.U.', SARL: 'S.A.R.L.', EURL: 'E.U.R.L.', SNC: 'S.N.C.', SCI: 'S.C.I.',
  SCOP: 'S.C.O.P.', SCA: 'S.C.A.', SELARL: 'S.E.L.A.R.L.', EI: 'E.I.', EIRL: 'E.I.R.L.', GIE: 'G.I.E.',
};

/** ERP payment-terms codes with weights. */
export const PAYMENT_TERMS: ReadonlyArray<readonly [string, number]> = [
  ['30J', 30], ['30JFDM', 20], ['45JFDM', 15], ['60J', 10], ['COMPTANT', 8], ['RECEPTION', 6], ['LCR60', 4], ['PRELEV30', 4],
  ['45J', 3],
];

/** Consumer email domains (weight ≈ market share among French consumers). */
export const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 40], ['orange.fr', 12], ['hotmail.fr', 9], ['yahoo.fr', 6], ['free.fr', 6], ['wanadoo.fr', 5], ['laposte.net', 4],
  ['sfr.fr', 4], ['outlook.fr', 4], ['hotmail.com', 3], ['live.fr', 2], ['icloud.com', 3], ['neuf.fr', 1], ['bbox.fr', 1],
  ['aol.com', 0.5], ['protonmail.com', 0.5], ['club-internet.fr', 0.3], ['numericable.fr', 0.3],
];

/** Misspellings of email domains typed in web forms. */
export const EMAIL_DOMAIN_TYPOS: Readonly<Record<string, readonly string[]>> = {
  'gmail.com': ['gmial.com', 'gmail.fr', 'gmai.com', 'gmail.con', 'gamil.com'],
  'orange.fr': ['orage.fr', 'orange.com'],
  'hotmail.fr': ['hotmial.fr', 'hotmail.f', 'hotmal.fr'],
  'yahoo.fr': ['yaho.fr', 'yahoo.com'],
  'wanadoo.fr': ['wanado.fr'],
  'free.fr': ['fre.fr'],
};

/** Role mailboxes: generic addresses shared by a team, which must not drive a match. */
export const ROLE_MAILBOXES: readonly string[] = ['contact', 'info', 'compta', 'accueil', 'commercial', 'administration', 'direction', 'factures'];

/** Placeholder values some people type to get through a form. */
export const PLACEHOLDER_EMAILS: readonly string[] = ['test@test.com', 'a@a.fr', 'nomail@nomail.com', 'aucun@aucun.fr'];
export const PLACEHOLDER_PHONES: readonly string[] = ['0000000000', '0102030405', '0600000000', '0123456789'];
export const PLACEHOLDER_SIRET = '00000000000000';
