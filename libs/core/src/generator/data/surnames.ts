/**
 * The long tail of French surnames: a curated list of real, less common surnames (regional and of
 * immigrant origin) that follows the head list of names.ts, and morphemes from which the rarer
 * surnames are composed (root + suffix, article + word, regional patterns). See name-frequencies.ts in the
 * generator folder for how they are weighted.
 */

/** Real surnames after the head list: regional (Breton, Alsatian, Occitan, Corsican, Basque, Norman, Réunion) and of immigrant origin. */
export const MORE_SURNAMES: readonly string[] = [
  // Oïl / general
  'Aubin', 'Barbe', 'Baudoin', 'Bazin', 'Beaumont', 'Bellanger', 'Benard', 'Besnard', 'Blondel', 'Boisson',
  'Bonnin', 'Bouchard', 'Bourdon', 'Boutin', 'Bouvard', 'Brochard', 'Bruneau', 'Cadet', 'Camus', 'Chapuis',
  'Charbonnier', 'Chartier', 'Chauveau', 'Chevreau', 'Cochet', 'Coste', 'Coulon', 'Courtois', 'Couturier', 'Delorme',
  'Dubosc', 'Duclos', 'Dufresne', 'Dujardin', 'Dumoulin', 'Duplessis', 'Dupré', 'Durieux', 'Favre', 'Ferry',
  'Foucher', 'Fouquet', 'Gallet', 'Gaudet', 'Geoffroy', 'Gervais', 'Godard', 'Godefroy', 'Grenier', 'Grosjean',
  'Guillemin', 'Hardy', 'Hebert', 'Jacquemin', 'Jolivet', 'Jouan', 'Labbe', 'Lafon', 'Langlais', 'Laroche',
  'Lebreton', 'Lecocq', 'Lefort', 'Lemarchand', 'Lemercier', 'Lenormand', 'Lesueur', 'Letellier', 'Lhomme', 'Maillet',
  'Mallard', 'Marchetti', 'Marquet', 'Masse', 'Maurin', 'Mignot', 'Monnet', 'Montagne', 'Morvan', 'Naudin',
  'Pages', 'Paquet', 'Pasquet', 'Penot', 'Petitjean', 'Pinel', 'Poulet', 'Prat', 'Rabier', 'Ragot',
  'Raymond', 'Regnier', 'Richer', 'Rigaud', 'Rivet', 'Rousset', 'Sabatier', 'Salaun', 'Savary', 'Tardy',
  'Thiery', 'Thuillier', 'Tissot', 'Trouvé', 'Valentin', 'Vallet', 'Verger', 'Villard', 'Voisin', 'Beaulieu',
  // Normandy, Picardy, the North
  'Anquetil', 'Lecanu', 'Lemonnier', 'Leprévost', 'Lesaulnier', 'Quesnel', 'Toutain', 'Vauquelin', 'Deveaux', 'Delannoy',
  'Dewaele', 'Vandamme', 'Vanhove', 'Lemaire', 'Desmet', 'Dhondt', 'Lefranc', 'Wattel', 'Caudron', 'Flament',
  // Brittany
  'Le Bras', 'Le Berre', 'Le Borgne', 'Le Bot', 'Le Dantec', 'Le Gac', 'Le Hir', 'Le Moal', 'Le Naour', 'Le Quéré',
  'Le Scouarnec', 'Le Cam', 'Le Pape', 'Le Page', 'Le Du', 'Le Roy', 'Kerleau', 'Kermarrec', 'Kervella', 'Kergoat',
  'Kerbrat', 'Kerdraon', 'Cadiou', 'Jaouen', 'Tanguy', 'Riou', 'Quéméner', 'Guivarch', 'Nédélec', 'Le Bihannic',
  'Abgrall', 'Bihan', 'Caradec', 'Cornec', 'Derrien', 'Gourvennec', 'Guéguen', 'Jézéquel', 'Madec', 'Prigent',
  // Alsace, Lorraine
  'Schmidt', 'Hoffmann', 'Kieffer', 'Koch', 'Wolff', 'Bauer', 'Fischer', 'Keller', 'Lang', 'Becker',
  'Kuntz', 'Metzger', 'Ostermann', 'Ritter', 'Schaeffer', 'Schwartz', 'Stoll', 'Walter', 'Wendling', 'Zimmer',
  'Haas', 'Hartmann', 'Heitz', 'Jung', 'Kempf', 'Kohler', 'Lutz', 'Meister', 'Roth', 'Ziegler',
  // Occitan, the South-West, Provence
  'Barthe', 'Bousquet', 'Cabanes', 'Castan', 'Cazenave', 'Delpech', 'Dalmas', 'Fabregue', 'Lacoste', 'Laffont',
  'Lafargue', 'Lagrange', 'Lamarque', 'Larrieu', 'Mas', 'Puech', 'Roumieu', 'Salles', 'Soulié', 'Teyssier',
  'Bonnafous', 'Cassagne', 'Coustou', 'Estève', 'Fabrègues', 'Granier', 'Issartel', 'Jullien', 'Pujol', 'Vigouroux',
  // Corsica, Italy
  'Santoni', 'Luciani', 'Paoli', 'Agostini', 'Albertini', 'Filippi', 'Mattei', 'Pietri', 'Leca', 'Colonna',
  'Casanova', 'Ferrari', 'Bianchi', 'Romano', 'Ricci', 'Marini', 'Costa', 'Bruno', 'Greco', 'Esposito',
  // Basque country, Béarn
  'Etchegaray', 'Etcheverry', 'Irigoyen', 'Harispe', 'Larralde', 'Elissalde', 'Uhalde', 'Goyenetche', 'Inchauspé', 'Dufau',
  // Portugal, Spain
  'Fernandes', 'Gonçalves', 'Lopes', 'Martins', 'Oliveira', 'Sousa', 'Carvalho', 'Almeida', 'Ribeiro', 'Pinto',
  'Teixeira', 'Mendes', 'Monteiro', 'Cardoso', 'Moreira', 'Correia', 'Machado', 'Dos Reis', 'Da Cunha', 'De Oliveira',
  'Hernandez', 'Jimenez', 'Alvarez', 'Ruiz', 'Diaz', 'Romero', 'Torres', 'Ramos', 'Ortega', 'Serrano',
  'Castillo', 'Delgado', 'Molina', 'Rubio', 'Garrido', 'Ortiz', 'Sanz', 'Blasco', 'Ferrer', 'Soler',
  // the Maghreb
  'Benali', 'Bensaid', 'Benahmed', 'Bouziane', 'Boukhalfa', 'Khelifi', 'Mansouri', 'Belkacem', 'Cherif', 'Brahimi',
  'Hamidi', 'Saidi', 'Amrani', 'Zeroual', 'Meziane', 'Rahmani', 'Slimani', 'Ouali', 'Hadjadj', 'Chaouche',
  'El Amrani', 'El Idrissi', 'Bennani', 'Alaoui', 'Benmoussa', 'Tahiri', 'Lahlou', 'Boudjema', 'Kaci', 'Ait Ali',
  // sub-Saharan Africa, the Antilles, Réunion
  'Ndiaye', 'Sow', 'Ba', 'Fall', 'Sy', 'Cissé', 'Keita', 'Coulibaly', 'Koné', 'Touré',
  'Konaté', 'Sylla', 'Diarra', 'Mbaye', 'Gueye', 'Sarr', 'Dembélé', 'Sissoko', 'Kanté', 'Faye',
  'Técher', 'Maillot', 'Nativel', 'Dijoux', 'Turpin', 'Lauret', 'Ethève', 'Mussard', 'Sautron', 'Hoareau',
  'Jean-Baptiste', 'Jean-Louis', 'Marie-Sainte', 'Zébina', 'Larcher', 'Edouard', 'Alexis', 'Eugène', 'Théodore', 'Lubin',
  // Poland, Central Europe, Armenia, Asia
  'Nowak', 'Wozniak', 'Lewandowski', 'Kaminski', 'Zielinski', 'Szymanski', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Pawlak',
  'Nagy', 'Horvath', 'Novak', 'Petrovic', 'Ivanov', 'Aznavourian', 'Petrossian', 'Manoukian', 'Yilmaz', 'Kaya',
  'Pham', 'Hoang', 'Huynh', 'Phan', 'Vu', 'Dang', 'Bui', 'Ngo', 'Truong', 'Ly',
  'Chen', 'Wang', 'Zhang', 'Liu', 'Lin', 'Huang', 'Kim', 'Lee', 'Singh', 'Khan',
];

/**
 * Composition patterns: each makes surnames of one kind; a pattern's list of parts is crossed in
 * full (every prefix with every suffix). The names read like real ones (many are real ones).
 */
export interface SurnamePattern {
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  /** Joins prefix and suffix: '' glues them ("Ber" + "ard"), ' ' keeps two words ("Le" + "Gall"). */
  readonly joiner: string;
}

/** Roots of Oïl surnames (from given names, trades, nicknames, places), glued to the suffixes below. */
const OIL_ROOTS: readonly string[] = [
  'Ber', 'Bern', 'Bert', 'Bel', 'Bes', 'Bil', 'Bla', 'Blon', 'Bon', 'Bou', 'Bour', 'Bout', 'Bra', 'Bri', 'Bro', 'Bru',
  'Cal', 'Cha', 'Chab', 'Chal', 'Chap', 'Char', 'Chau', 'Chen', 'Cher', 'Chev', 'Cla', 'Clav', 'Col', 'Cor', 'Cou',
  'Cour', 'Cout', 'Dar', 'Del', 'Des', 'Dou', 'Duv', 'Fav', 'Fer', 'Fla', 'Fon', 'Fou', 'Four', 'Fro', 'Gal',
  'Gar', 'Gas', 'Gau', 'Gil', 'Gir', 'God', 'Gou', 'Gra', 'Gri', 'Gros', 'Gu', 'Guil', 'Jac', 'Jol', 'Jou', 'Lab',
  'Lam', 'Lan', 'Lar', 'Lau', 'Mal', 'Man', 'Mar', 'Mas', 'Mau', 'Mer', 'Mich', 'Mol', 'Mon', 'Mor', 'Mou', 'Nau',
  'Pa', 'Pel', 'Per', 'Pich', 'Pin', 'Pla', 'Pou', 'Ram', 'Ren', 'Rich', 'Rig', 'Rob', 'Rou', 'Sal', 'Sau', 'Ser',
  'Tes', 'Thi', 'Tou', 'Val', 'Vau', 'Ver', 'Vil', 'Vin',
];
const OIL_SUFFIXES: readonly string[] = [
  'ard', 'aud', 'ault', 'eau', 'ier', 'in', 'ot', 'et', 'on', 'ou', 'el', 'and', 'at', 'ais', 'ereau', 'illon',
  'elin', 'inet', 'onnet', 'oux', 'ès', 'ac', 'ange', 'erie', 'eron', 'iot', 'ichon', 'ouin', 'ardet', 'anger',
];

/** Breton words after "Le" (nicknames: Le Gall "the Frenchman", Le Goff "the smith", Le Bihan "the small"). */
const BRETON_WORDS: readonly string[] = [
  'Bail', 'Bars', 'Bellec', 'Bescond', 'Blévec', 'Bouëdec', 'Bourhis', 'Brun', 'Calvez', 'Coz', 'Denmat', 'Dréau',
  'Duff', 'Flem', 'Foll', 'Gallic', 'Garrec', 'Gléau', 'Gloahec', 'Goaziou', 'Gouil', 'Guellec', 'Guern', 'Guillou',
  'Hénaff', 'Houérou', 'Jeune', 'Lann', 'Louarn', 'Mao', 'Marrec', 'Merrer', 'Mével', 'Nir', 'Noan', 'Pennec',
  'Quellec', 'Rest', 'Saout', 'Sann', 'Stum', 'Tallec', 'Teuff', 'Troadec', 'Vourc’h', 'Yaouanc',
];
/** Breton roots glued to -ec, -ic, -ou, -en, -an, -er (Madec, Cadiou, Jaouen, Morvan). */
const BRETON_ROOTS: readonly string[] = [
  'Bihann', 'Cad', 'Caran', 'Corn', 'Daniel', 'Even', 'Gour', 'Guill', 'Guiv', 'Jaou', 'Jéz', 'Kern', 'Lagad',
  'Mad', 'Mor', 'Ném', 'Pell', 'Quénn', 'Riv', 'Tanc', 'Tréb', 'Yv', 'Gwen', 'Gued', 'Hell', 'Oll', 'Perr', 'Briand',
];
const BRETON_SUFFIXES: readonly string[] = ['ec', 'ic', 'iou', 'en', 'an', 'er', 'ès', 'ot'];
/** Ker- ("village of"): Kerleau, Kermarrec. */
const KER_PARTS: readonly string[] = [
  'leau', 'marrec', 'vella', 'goat', 'brat', 'draon', 'mel', 'guen', 'ouac', 'hervé', 'jean', 'mor', 'dual', 'hoas',
  'lan', 'gall', 'gourlay', 'neis', 'vran', 'rien', 'bellec', 'doncuff', 'moal', 'rouault', 'anton', 'baol', 'laz',
  'gonan', 'guiduff', 'mabon', 'morvan', 'nevez', 'riou', 'ambrun', 'ourio', 'saudy', 'vadec', 'fourn', 'huel',
];

/** Alsace and Lorraine: stem + -mann, -er, -inger, -ler, -el, -lé. */
const ALSATIAN_STEMS: readonly string[] = [
  'Acker', 'Bach', 'Baum', 'Berg', 'Bieh', 'Brun', 'Burg', 'Dorf', 'Eck', 'Feld', 'Frey', 'Gass', 'Gross', 'Haff',
  'Hein', 'Herr', 'Hof', 'Holz', 'Hub', 'Kauf', 'Kess', 'Kirch', 'Klein', 'Kling', 'Kuhn', 'Lehr', 'Lind', 'Matz',
  'Mersch', 'Oster', 'Reich', 'Ried', 'Rint', 'Sait', 'Scheid', 'Schil', 'Schnei', 'Schwein', 'Steg', 'Stein',
  'Weid', 'Wend', 'Wetz', 'Wild', 'Winter', 'Wurtz', 'Zeh', 'Ziel',
];
const ALSATIAN_SUFFIXES: readonly string[] = ['mann', 'er', 'inger', 'ler', 'el', 'lé', 'rich', 'hardt'];

/** Occitan and Provençal: root + -ès, -ac, -as, -ou, -ol, -et, -ieu, -ère, -an, -ade. */
const OCCITAN_ROOTS: readonly string[] = [
  'Alb', 'Aub', 'Barth', 'Bess', 'Bouss', 'Cab', 'Caz', 'Cast', 'Cayr', 'Com', 'Cost', 'Delp', 'Esp', 'Fabr',
  'Fouc', 'Gaill', 'Garr', 'Lab', 'Laf', 'Lagr', 'Marc', 'Maz', 'Mir', 'Mont', 'Pouj', 'Puj', 'Rey', 'Roum',
  'Salv', 'Serr', 'Soul', 'Taill', 'Teyss', 'Vayss', 'Vign', 'Vials',
];
const OCCITAN_SUFFIXES: readonly string[] = ['ès', 'ac', 'as', 'ou', 'ol', 'et', 'ieu', 'ère', 'an', 'ade', 'ier', 'ignac'];

/** Corsica and Italy: root + -ini, -elli, -oni, -acci, -i, -etti, -ucci, -ani. */
const ITALIAN_ROOTS: readonly string[] = [
  'Agost', 'Albert', 'Angel', 'Antonn', 'Batt', 'Bern', 'Cecc', 'Colomb', 'Fil', 'Franc', 'Giacom', 'Giann', 'Lucc',
  'Marc', 'Mart', 'Matt', 'Nicol', 'Orl', 'Pa', 'Petr', 'Pier', 'Ross', 'Sant', 'Simon', 'Tomas', 'Vinc', 'Zan',
];
const ITALIAN_SUFFIXES: readonly string[] = ['ini', 'elli', 'oni', 'acci', 'i', 'etti', 'ucci', 'ani', 'ello', 'one'];

/** The Basque country: first element + second (Etchegaray, Irigoyen, Elissalde). */
const BASQUE_FIRST: readonly string[] = [
  'Etche', 'Iri', 'Ara', 'Eliss', 'Olha', 'Goyen', 'Uhal', 'Haris', 'Larr', 'Bide', 'Ibar', 'Echa', 'Arro', 'Lasal',
  'Zubi', 'Urru', 'Mendi', 'Oyhar',
];
const BASQUE_SECOND: readonly string[] = [
  'garay', 'berry', 'verry', 'pare', 'gorry', 'barne', 'alde', 'borde', 'goyen', 'buru', 'egui', 'ondo', 'txea',
  'zabal', 'etche', 'bide', 'gaine', 'cague',
];

/** The Maghreb: Ben-/Bou-/Bel- + name, and name + -i. */
const MAGHREBI_FIRST: readonly string[] = ['Ben', 'Bou', 'Bel', 'Ait '];
const MAGHREBI_SECOND: readonly string[] = [
  'abdallah', 'aissa', 'ali', 'ameur', 'amor', 'chikh', 'hamou', 'kacem', 'khelifa', 'mansour', 'moussa', 'rabah',
  'said', 'salah', 'slimane', 'youcef', 'ziane', 'zid', 'azza', 'allem', 'diaf', 'hadj', 'aid', 'kader',
];
const MAGHREBI_ROOTS: readonly string[] = [
  'Mansour', 'Hamid', 'Brahim', 'Khelif', 'Saïd', 'Amran', 'Azzouz', 'Bouzid', 'Rahman', 'Slim', 'Chérif', 'Messaoud',
  'Belhad', 'Ouahab', 'Djebbar', 'Kaddour', 'Larb', 'Touat', 'Zerrouk', 'Ghoul', 'Hadd', 'Mekk', 'Nacer',
];
const MAGHREBI_SUFFIXES: readonly string[] = ['i', 'ia', 'ine'];

/** Spain: patronymic root + -ez. Portugal: "Da"/"Dos"/"De" + name. */
const SPANISH_ROOTS: readonly string[] = [
  'Alvar', 'Antun', 'Benit', 'Domingu', 'Enriqu', 'Estev', 'Fernand', 'Gil', 'Gonzal', 'Gutierr', 'Hernand',
  'Ibañ', 'Jimen', 'Lop', 'Marqu', 'Martin', 'Mend', 'Muñ', 'Nuñ', 'Ordoñ', 'Pel', 'Per', 'Rodrigu', 'Sanch',
  'Suar', 'Vel\u00e1zqu', 'Vasqu', 'Yañ',
];
const SPANISH_SUFFIXES: readonly string[] = ['ez'];
const PORTUGUESE_FIRST: readonly string[] = ['Da', 'Dos', 'De'];
const PORTUGUESE_SECOND: readonly string[] = [
  'Silva', 'Santos', 'Costa', 'Cunha', 'Rocha', 'Fonseca', 'Cruz', 'Mota', 'Luz', 'Reis', 'Sousa', 'Oliveira', 'Almeida',
  'Conceição', 'Graça', 'Assunção', 'Encarnação', 'Nascimento', 'Ressurreição', 'Pinho', 'Veiga', 'Lima', 'Freitas',
];

/** Poland: root + -ski, -owski, -ewicz, -czak, -ek, -iak. */
const POLISH_ROOTS: readonly string[] = [
  'Kowal', 'Lewand', 'Kamin', 'Jank', 'Zielin', 'Szyman', 'Wisni', 'Dabr', 'Kozl', 'Wojci', 'Pawl', 'Michal',
  'Grab', 'Sobc', 'Krol', 'Wrobl', 'Kacz', 'Jasin', 'Stan', 'Mazur',
];
const POLISH_SUFFIXES: readonly string[] = ['ski', 'owski', 'ewicz', 'czak', 'ek', 'iak'];

/** French compounds: adjective + noun (Bonnefoy, Beauchamp, Grandjean, Malherbe, Hautecœur). */
const COMPOUND_FIRST: readonly string[] = ['Bonne', 'Bon', 'Beau', 'Bel', 'Belle', 'Mal', 'Grand', 'Petit', 'Haut', 'Fort', 'Vieil', 'Mont', 'Ville', 'Roque', 'Clair'];
const COMPOUND_SECOND: readonly string[] = [
  'foy', 'champ', 'jean', 'pré', 'val', 'fils', 'homme', 'cœur', 'main', 'pas', 'vin', 'temps', 'ville', 'court',
  'font', 'herbe', 'fond', 'mont', 'bois', 'lieu', 'maison', 'pierre', 'vallon', 'fontaine', 'guerre',
];

/** Places: "Du"/"De La"/"Des" + a place word, glued (Dumoulin, Delaroche, Desbois). */
const DU_WORDS: readonly string[] = [
  'bosc', 'breuil', 'buisson', 'chemin', 'chêne', 'clos', 'fay', 'four', 'fresne', 'jardin', 'mesnil', 'moulin',
  'parc', 'plessis', 'pré', 'puy', 'quesne', 'rocher', 'sart', 'tertre', 'val', 'verger', 'vivier', 'hamel',
];
const DELA_WORDS: readonly string[] = [
  'barre', 'borde', 'combe', 'cour', 'croix', 'fond', 'fosse', 'grange', 'haye', 'lande', 'mare', 'motte', 'noë',
  'place', 'porte', 'rue', 'salle', 'tour', 'vallée', 'vigne', 'ville', 'forge', 'planche', 'roque',
];

const DES_WORDS: readonly string[] = [
  'bois', 'champs', 'combes', 'fosses', 'granges', 'haies', 'jardins', 'landes', 'marais', 'mares', 'moulins', 'portes',
  'prés', 'roches', 'vignes', 'forges', 'noyers', 'chênes', 'hayes', 'ormeaux',
];

/** "Le" + a trade or a nickname (Lemarchand, Lefort, Leboucher), glued. */
const LE_WORDS: readonly string[] = [
  'bailly', 'berger', 'blond', 'bœuf', 'bon', 'boucher', 'bourgeois', 'breton', 'chevalier', 'clerc', 'cointe', 'comte',
  'court', 'doux', 'duc', 'fèvre', 'fort', 'gay', 'gendre', 'grand', 'gros', 'jeune', 'lièvre', 'loup', 'maître',
  'marchand', 'mercier', 'meunier', 'moine', 'noble', 'normand', 'pelletier', 'picard', 'prêtre', 'queux', 'riche',
  'roux', 'sage', 'sueur', 'tellier', 'tourneur', 'vasseur', 'vieux', 'villain',
];

/**
 * Oïl surnames built syllable by syllable: onset + vowel + linking consonant(s) + ending
 * (Ch-au-v-in, R-ou-ss-eau, G-a-rn-ier, B-e-rn-ard, M-a-rch-and): most French surnames have this
 * shape, and crossing the parts gives the tens of thousands of rare names of the real tail.
 */
const OIL_ONSETS: readonly string[] = [
  'B', 'Bl', 'Br', 'C', 'Ch', 'Cl', 'Cr', 'D', 'F', 'Fl', 'Fr', 'G', 'Gr', 'Gu', 'J', 'L', 'M', 'N', 'P', 'Pl',
  'Pr', 'R', 'S', 'T', 'Tr', 'V',
];
const OIL_NUCLEI: readonly string[] = ['a', 'e', 'i', 'o', 'ou', 'au'];
/** Single linking consonants go with every ending; clusters (Bernard, Marchand) with the short ones. */
const OIL_LINKS: readonly string[] = ['r', 'l', 'n', 'ss', 'ch', 'v', 't', 'll', 'g'];
const OIL_CLUSTERS: readonly string[] = ['rd', 'rn', 'rch'];
const OIL_ENDINGS: readonly string[] = [
  'ard', 'aud', 'ault', 'eau', 'ier', 'in', 'ot', 'et', 'on', 'el', 'and', 'at', 'ais', 'ereau', 'elin', 'inet',
  'onnet', 'oux', 'ès', 'ac', 'eron', 'iot', 'ouin', 'anger', 'ery', 'aux',
];
const OIL_SHORT_ENDINGS: readonly string[] = ['ard', 'aud', 'ault', 'eau', 'ier', 'in', 'ot', 'et', 'on', 'el', 'and', 'at', 'ais', 'ès', 'ac', 'aux'];

/**
 * Onset + vowel + link, without the combinations no French surname has: "Gu" only before e and i
 * (Guérin, Guillot), no second r or l in the syllable (Prernand, Lellereau), no cluster after a
 * diphthong or an i (Graurderon, Tirdanger).
 */
function oilSyllables(links: readonly string[]): string[] {
  const out: string[] = [];
  for (const onset of OIL_ONSETS) {
    for (const nucleus of OIL_NUCLEI) {
      if (onset === 'Gu' && nucleus !== 'e' && nucleus !== 'i') continue;
      for (const link of links) {
        if (/r/i.test(onset) && link.includes('r')) continue;
        if (/l/i.test(onset) && link.includes('l')) continue;
        if (link.length > 1 && link !== 'ss' && link !== 'ch' && link !== 'll' && (nucleus.length > 1 || nucleus === 'i')) continue;
        out.push(onset + nucleus + link);
      }
    }
  }
  return out;
}

/**
 * Endings that fit a syllable: not the syllable's own vowel again (Foussoux, Nauchaux) nor its
 * linking consonant again (Nelel, Tratet, Naurereau).
 */
function oilEndingsFor(syllable: string, endings: readonly string[]): readonly string[] {
  const nucleus = /(ou|au)[^aeiou]*$/.exec(syllable)?.[1];
  const link = /[^aeiou]+$/.exec(syllable)?.[0] ?? '';
  return endings.filter((e) => !(nucleus && e.includes(nucleus)) && !(link.length === 1 && e.includes(link)));
}

export const SURNAME_PATTERNS: readonly SurnamePattern[] = [
  { name: 'oil', prefixes: OIL_ROOTS, suffixes: OIL_SUFFIXES, joiner: '' },
  ...oilSyllables(OIL_LINKS).map((s) => ({ name: 'oil-syllables', prefixes: [s], suffixes: oilEndingsFor(s, OIL_ENDINGS), joiner: '' })),
  ...oilSyllables(OIL_CLUSTERS).map((s) => ({ name: 'oil-clusters', prefixes: [s], suffixes: oilEndingsFor(s, OIL_SHORT_ENDINGS), joiner: '' })),
  { name: 'breton-le', prefixes: ['Le'], suffixes: BRETON_WORDS, joiner: ' ' },
  { name: 'breton', prefixes: BRETON_ROOTS, suffixes: BRETON_SUFFIXES, joiner: '' },
  { name: 'breton-ker', prefixes: ['Ker'], suffixes: KER_PARTS, joiner: '' },
  { name: 'alsatian', prefixes: ALSATIAN_STEMS, suffixes: ALSATIAN_SUFFIXES, joiner: '' },
  { name: 'occitan', prefixes: OCCITAN_ROOTS, suffixes: OCCITAN_SUFFIXES, joiner: '' },
  { name: 'italian', prefixes: ITALIAN_ROOTS, suffixes: ITALIAN_SUFFIXES, joiner: '' },
  { name: 'basque', prefixes: BASQUE_FIRST, suffixes: BASQUE_SECOND, joiner: '' },
  { name: 'maghrebi-ben', prefixes: MAGHREBI_FIRST, suffixes: MAGHREBI_SECOND, joiner: '' },
  { name: 'maghrebi', prefixes: MAGHREBI_ROOTS, suffixes: MAGHREBI_SUFFIXES, joiner: '' },
  { name: 'spanish', prefixes: SPANISH_ROOTS, suffixes: SPANISH_SUFFIXES, joiner: '' },
  { name: 'portuguese', prefixes: PORTUGUESE_FIRST, suffixes: PORTUGUESE_SECOND, joiner: ' ' },
  { name: 'polish', prefixes: POLISH_ROOTS, suffixes: POLISH_SUFFIXES, joiner: '' },
  { name: 'compound', prefixes: COMPOUND_FIRST, suffixes: COMPOUND_SECOND, joiner: '' },
  { name: 'du', prefixes: ['Du'], suffixes: DU_WORDS, joiner: '' },
  { name: 'dela', prefixes: ['Dela', 'De La '], suffixes: DELA_WORDS, joiner: '' },
  { name: 'des', prefixes: ['Des'], suffixes: DES_WORDS, joiner: '' },
  { name: 'le', prefixes: ['Le', 'Le '], suffixes: LE_WORDS, joiner: '' },
];
