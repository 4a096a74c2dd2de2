/**
 * French given names and surnames, roughly in order of frequency among the adult population
 * (the generator gives them Zipf-like weights by rank, so common names repeat a lot).
 */

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas', 'Christophe', 'Patrick', 'Daniel', 'Bernard',
  'Jacques', 'Éric', 'Laurent', 'Frédéric', 'Stéphane', 'David', 'Thierry', 'Pascal', 'Julien', 'Sébastien',
  'Thomas', 'Olivier', 'Christian', 'François', 'Gérard', 'Alexandre', 'Dominique', 'Bruno', 'Guillaume', 'Vincent',
  'Jean-Pierre', 'Didier', 'Antoine', 'Maxime', 'Claude', 'Romain', 'André', 'Jérôme', 'Franck', 'Mathieu',
  'Jean-Claude', 'Jean-Luc', 'Jean-François', 'Jean-Marc', 'Jean-Michel', 'Jean-Paul', 'Jean-Louis', 'Jean-Jacques', 'Jean-Marie', 'Jean-Christophe',
  'Jean-Philippe', 'Jean-Baptiste', 'Kévin', 'Anthony', 'Lucas', 'Hugo', 'Louis', 'Arthur', 'Gabriel', 'Léo',
  'Raphaël', 'Jules', 'Adam', 'Paul', 'Nathan', 'Enzo', 'Théo', 'Mathis', 'Clément', 'Quentin',
  'Benjamin', 'Florian', 'Jonathan', 'Cédric', 'Fabrice', 'Yannick', 'Hervé', 'Serge', 'Gilles', 'Joël',
  'Marcel', 'René', 'Roger', 'Robert', 'Georges', 'Henri', 'Lucien', 'Maurice', 'Raymond', 'Yves',
  'Guy', 'Marc', 'Fabien', 'Arnaud', 'Loïc', 'Grégory', 'Emmanuel', 'Xavier', 'Damien', 'Jérémy',
  'Benoît', 'Rémi', 'Samuel', 'Cyril', 'Ludovic', 'Sylvain', 'Mickaël', 'Gaël', 'Hugues', 'Régis',
  'Bertrand', 'Denis', 'Noël', 'Lionel', 'Thibault', 'Baptiste', 'Valentin', 'Alexis', 'Adrien', 'Corentin',
  'Dylan', 'Axel', 'Tom', 'Noah', 'Ethan', 'Timéo', 'Mathéo', 'Victor', 'Martin', 'Aurélien',
  'Jordan', 'Morgan', 'Kylian', 'Yanis', 'Mohamed', 'Karim', 'Mehdi', 'Rachid', 'Nabil', 'Youssef',
  'Ahmed', 'Ali', 'Marc-Antoine', 'Pierre-Yves', 'Paul-Henri', 'Charles', 'Étienne', 'Gaëtan', 'Jérémie', 'Joseph',
  'Michaël', 'Sacha', 'Bastien', 'Tristan', 'Aymeric', 'Félix', 'Augustin', 'Nathanaël', 'Pierre-Louis', 'Jean-Yves',
  'Marius', 'Gaston', 'Albert', 'Émile', 'Léon', 'Lilian', 'Matthieu', 'Anthonin', 'Josselin', 'Erwan',
  'Yann', 'Ronan', 'Tanguy', 'Killian', 'Nolan', 'Evan', 'Maël', 'Hadrien', 'Grégoire', 'Édouard',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Françoise', 'Martine', 'Christine', 'Sandrine', 'Valérie',
  'Véronique', 'Stéphanie', 'Nicole', 'Monique', 'Sophie', 'Céline', 'Chantal', 'Patricia', 'Anne', 'Brigitte',
  'Julie', 'Aurélie', 'Jacqueline', 'Émilie', 'Laurence', 'Caroline', 'Camille', 'Sarah', 'Laura', 'Claire',
  'Virginie', 'Florence', 'Corinne', 'Pascale', 'Élodie', 'Audrey', 'Delphine', 'Karine', 'Hélène', 'Danielle',
  'Mélanie', 'Annie', 'Marion', 'Vanessa', 'Agnès', 'Dominique', 'Michèle', 'Josiane', 'Christiane', 'Jeanne',
  'Madeleine', 'Simone', 'Suzanne', 'Denise', 'Odile', 'Colette', 'Marie-Thérèse', 'Marie-Christine', 'Marie-Claude', 'Marie-France',
  'Marie-Hélène', 'Marie-Pierre', 'Marie-Laure', 'Marie-Anne', 'Anne-Marie', 'Anne-Sophie', 'Marie-Claire', 'Marie-José', 'Emma', 'Léa',
  'Chloé', 'Manon', 'Inès', 'Jade', 'Louise', 'Alice', 'Lina', 'Zoé', 'Lola', 'Clara',
  'Anaïs', 'Mathilde', 'Pauline', 'Justine', 'Charlotte', 'Lucie', 'Océane', 'Margaux', 'Juliette', 'Ambre',
  'Mila', 'Rose', 'Anna', 'Léna', 'Alicia', 'Morgane', 'Amandine', 'Jessica', 'Gaëlle', 'Solène',
  'Maëlle', 'Maëva', 'Clémence', 'Élise', 'Élisabeth', 'Fabienne', 'Muriel', 'Béatrice', 'Joëlle', 'Évelyne',
  'Ghislaine', 'Yvette', 'Josette', 'Paulette', 'Huguette', 'Geneviève', 'Bernadette', 'Thérèse', 'Régine', 'Sabrina',
  'Nadia', 'Fatima', 'Samia', 'Leïla', 'Yasmine', 'Amélie', 'Aurore', 'Cécile', 'Emmanuelle', 'Frédérique',
  'Gwendoline', 'Ingrid', 'Jennifer', 'Laëtitia', 'Magali', 'Noémie', 'Ophélie', 'Perrine', 'Raphaëlle', 'Séverine',
  'Tiphaine', 'Agathe', 'Capucine', 'Apolline', 'Héloïse', 'Éléonore', 'Sandra', 'Christelle', 'Nadine', 'Annick',
  'Yvonne', 'Lucienne', 'Germaine', 'Marcelle', 'Gisèle', 'Marine', 'Elsa', 'Victoire', 'Constance', 'Adèle',
  'Marie-Noëlle', 'Marie-Odile', 'Marie-Line', 'Anne-Laure', 'Anne-Claire', 'Marie-Madeleine', 'Hortense', 'Mireille', 'Viviane', 'Ginette',
];

/** Surnames, most frequent first (after the INSEE ranking of births, with a few regional and immigrant-origin names). */
export const SURNAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  'Gonzalez', 'Ferreira', 'Dos Santos', 'Pereira', 'Rodrigues', 'Nguyen', 'Tran', 'Benali', 'Haddad', 'Benhamou',
  'Diallo', 'Traoré', 'Diop', 'Camara', 'Kowalski', 'Lefèbvre', 'Le Bihan', 'Le Floch', 'Le Corre', 'Le Guen',
  'Le Meur', 'De Sousa', 'Da Costa', 'de Villiers', 'Texier', 'Riviere', 'Marais', 'Hamel', 'Bouvet', 'Descamps',
  'Devaux', 'Guillon', 'Lebon', 'Lesage', 'Navarro', 'Ollivier', 'Pottier', 'Rossi', 'Tanguy', 'Vallée',
  'Verdier', 'Vial', 'Weiss', 'Zimmermann', 'Ferrand', 'Hoareau', 'Laine', 'Lenoir', 'Martel', 'Moreno',
  'Baudry', 'Bigot', 'Bouchard', 'Briand', 'Brunel', 'Buisson', 'Cartier', 'Chauvet', 'Chevrier', 'Clerc',
  'Delmas', 'Delattre', 'Dubreuil', 'Fortin', 'Gaudin', 'Gomez', 'Guillou', 'Jourdan', 'Labbé', 'Lacombe',
  'Lagarde', 'Leduc', 'Legros', 'Lelièvre', 'Loiseau', 'Marechal', 'Marin', 'Maury', 'Mouton', 'Parent',
  'Pons', 'Raynaud', 'Rocher', 'Salmon', 'Sauvage', 'Thibault', 'Tournier', 'Vaillant', 'Védrine', 'Wagner',
];

/** Fragments to build rarer, plausible surnames (the long tail that makes an agreement on a surname informative). */
export const SURNAME_STEMS: readonly string[] = [
  'Ber', 'Chau', 'Dela', 'Four', 'Gau', 'Lam', 'Mar', 'Per', 'Rou', 'Vil', 'Bour', 'Cha', 'Dar', 'Fer', 'Gri',
  'Jou', 'Lan', 'Mau', 'Pel', 'Ram', 'Sau', 'Tes', 'Val', 'Bra', 'Cla', 'Dou', 'Fon', 'Gra', 'Hu', 'Lau',
  'Mas', 'Pou', 'Ri', 'Tou', 'Cour', 'Des', 'Gar', 'Lar', 'Mon', 'Sal', 'Bel', 'Cor', 'Gil', 'Mol', 'Bon',
];
export const SURNAME_ENDINGS: readonly string[] = [
  'ard', 'aud', 'eau', 'ier', 'in', 'ot', 'ou', 'et', 'ault', 'ais', 'ac', 'y', 'on', 'ès', 'oux', 'el',
  'and', 'at', 'illon', 'agne', 'enne', 'ereau', 'ignac', 'ès', 'ville', 'mont', 'court', 'ot',
];

/** Diminutives and nicknames that appear instead of the given name in CRM notes and web forms. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Alexandre: ['Alex'], Alexis: ['Alex'], Christophe: ['Chris'], Christian: ['Chris'], Christine: ['Chris', 'Christ'],
  Catherine: ['Cathy', 'Cath'], Frédéric: ['Fred'], Frédérique: ['Fred'], Nicolas: ['Nico'], Sébastien: ['Seb', 'Séb'],
  Stéphane: ['Steph'], Stéphanie: ['Steph', 'Fanny'], Véronique: ['Véro'], Dominique: ['Dom'], Philippe: ['Phil'],
  'Jean-Pierre': ['JP', 'J.-P.'], 'Jean-François': ['JF'], 'Jean-Claude': ['JC'], 'Jean-Marc': ['JM'], 'Jean-Christophe': ['JC'],
  'Jean-Baptiste': ['JB'], 'Marie-Christine': ['MC'], 'Anne-Sophie': ['AS'], Isabelle: ['Isa'], Jacques: ['Jacky'],
  Thomas: ['Tom'], Maxime: ['Max'], Benjamin: ['Ben'], Anthony: ['Tony'], Joseph: ['Jo', 'Jojo'], Valérie: ['Val'],
  Caroline: ['Caro'], Florence: ['Flo'], Florian: ['Flo'], Emmanuel: ['Manu'], Emmanuelle: ['Manue'], Élisabeth: ['Babeth', 'Lisa'],
  Mathieu: ['Matt'], Matthieu: ['Matt'], Guillaume: ['Guigui'], Raphaël: ['Raph'], Raphaëlle: ['Raph'], Alexandra: ['Alex'],
  Samuel: ['Sam'], Laurence: ['Lolo'], Laurent: ['Lolo'], Patricia: ['Patou', 'Pat'], Patrick: ['Pat'],
  Michel: ['Mimi'], Michèle: ['Mimi'], Gérard: ['Gégé'], Danielle: ['Dany'], Daniel: ['Dany'], Jacqueline: ['Jacky'],
  Vincent: ['Vince'], Sandrine: ['Sandy'], Françoise: ['Fanfan'], Bernadette: ['Bernie'], Jérémy: ['Jerem'], Julien: ['Ju'],
  Amandine: ['Mandy'], Aurélie: ['Aurel'], Yannick: ['Yann'], Kévin: ['Kev'],
};
