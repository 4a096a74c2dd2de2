/** Street types with their weight and the abbreviations sources write. */
export interface StreetType {
  readonly name: string;
  readonly weight: number;
  readonly abbreviations: readonly string[];
}

export const STREET_TYPES: readonly StreetType[] = [
  { name: 'rue', weight: 55, abbreviations: ['r.', 'R', 'r'] },
  { name: 'avenue', weight: 12, abbreviations: ['av.', 'av', 'Av', 'ave'] },
  { name: 'boulevard', weight: 6, abbreviations: ['bd', 'Bd', 'bld', 'boul.'] },
  { name: 'place', weight: 4, abbreviations: ['pl.', 'pl', 'Pl'] },
  { name: 'impasse', weight: 6, abbreviations: ['imp.', 'imp', 'Imp'] },
  { name: 'chemin', weight: 7, abbreviations: ['ch.', 'chem.', 'chem'] },
  { name: 'allée', weight: 5, abbreviations: ['all.', 'all'] },
  { name: 'route', weight: 3, abbreviations: ['rte', 'Rte'] },
  { name: 'quai', weight: 1, abbreviations: ['q.', 'qu.'] },
  { name: 'faubourg', weight: 1, abbreviations: ['fg', 'fbg', 'Fg'] },
];

/**
 * Street names, with their connector ("de la", "du", ...), most frequent first. Written as they follow
 * the street type: "rue de la République", "avenue Victor Hugo".
 */
export const STREET_NAMES: readonly string[] = [
  'de la République', 'Victor Hugo', 'Jean Jaurès', 'du Général de Gaulle', 'Pasteur', 'de la Gare', 'de l\'Église',
  'des Lilas', 'Jules Ferry', 'Gambetta', 'du Moulin', 'des Écoles', 'de la Mairie', 'Carnot', 'du Château',
  'de la Liberté', 'Voltaire', 'Émile Zola', 'Anatole France', 'du Stade', 'des Tilleuls', 'des Acacias', 'Jean Moulin',
  'de Verdun', 'Foch', 'Clemenceau', 'du 8 Mai 1945', 'du 11 Novembre 1918', 'Pierre Curie', 'Marie Curie',
  'Saint-Martin', 'de la Paix', 'du Commerce', 'des Roses', 'de Paris', 'Nationale', 'de la Fontaine', 'des Vignes',
  'du Maréchal Leclerc', 'du Maréchal Foch', 'Louis Pasteur', 'Paul Bert', 'Jean Macé', 'Alsace-Lorraine', 'de Lattre de Tassigny',
  'des Peupliers', 'des Érables', 'des Chênes', 'des Cerisiers', 'des Pins', 'du Port', 'de la Poste', 'du Lavoir',
  'de la Croix', 'des Fleurs', 'du Bois', 'de la Forêt', 'du Marché', 'des Jardins', 'des Prés', 'du Pont',
  'de Bretagne', 'de Normandie', 'de Provence', 'Aristide Briand', 'Léon Blum', 'Georges Clemenceau', 'Charles de Gaulle',
  'Albert Camus', 'Jean de La Fontaine', 'Molière', 'Alphonse Daudet', 'Frédéric Mistral', 'Georges Brassens', 'Édith Piaf',
  'du Docteur Schweitzer', 'du Docteur Roux', 'Saint-Exupéry', 'Jeanne d\'Arc', 'de la Résistance', 'des Martyrs', 'de la Libération',
  'du Four', 'de la Source', 'des Sports', 'du Parc', 'de la Plage', 'de la Mer', 'des Mimosas', 'des Platanes',
  'du Colombier', 'des Hirondelles', 'des Alouettes', 'du Levant', 'du Couchant', 'de l\'Industrie', 'de l\'Artisanat',
  'Lamartine', 'Racine', 'Corneille', 'Montaigne', 'Rabelais', 'Berlioz', 'Debussy', 'Ravel', 'Mozart', 'Beethoven',
  'Henri Barbusse', 'Paul Vaillant-Couturier', 'Maurice Thorez', 'Gabriel Péri', 'Danton', 'Robespierre', 'Thiers',
  'de la Convention', 'de Lyon', 'de Marseille', 'de Bordeaux', 'de Toulouse', 'de Nantes', 'de Strasbourg',
  'des Champs', 'du Vieux Bourg', 'de la Vallée', 'des Coteaux', 'du Calvaire', 'Saint-Pierre', 'Saint-Jacques', 'Sainte-Anne',
  'Notre-Dame', 'du Presbytère', 'des Remparts', 'de la Citadelle', 'des Carmes', 'des Cordeliers', 'du Temple', 'Mermoz',
  'Blaise Pascal', 'René Descartes', 'Denis Papin', 'Ampère', 'Gustave Eiffel', 'Louis Blériot', 'Roland Garros', 'Charcot',
];

/** Second address lines (building, floor, industrial zone, PO box). */
export const ADDRESS_LINE_2: readonly string[] = [
  'Bâtiment A', 'Bâtiment B', 'Bât. C', 'Résidence Les Pins', 'Résidence du Parc', 'Résidence Les Tilleuls', 'Appartement 12',
  'Apt 3', 'Escalier B', '2e étage', '3ème étage', 'Porte 5', 'Lieu-dit Le Bourg', 'Hameau de la Croix', 'Chez M. et Mme',
];

export const BUSINESS_ADDRESS_LINE_2: readonly string[] = [
  'ZI des Paluds', 'ZA du Moulin', 'ZAC des Portes', 'Zone Industrielle Nord', 'Parc d\'activités de la Gare', 'ZI Sud',
  'Immeuble Le Verrier', 'Tour Horizon', 'Bâtiment B', 'CS 30012', 'BP 123', 'BP 45', 'Parc Technologique', 'Hall 2',
  'Espace Entreprises', 'Centre d\'affaires du Lac', 'Zone Artisanale', 'Pôle Commercial',
];
