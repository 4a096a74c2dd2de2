import { fold } from '../standardization/text';

/**
 * Words that thousands of French companies put in their names: trades and activities (the words
 * of the NAF activity headings), corporate words, family and place words. In one postal district
 * "boulangerie" or "services" is shared by hundreds of companies, so as a blocking key it brings
 * hundreds of candidates and no evidence; "kowalczyk" brings the two or three that matter.
 *
 * The engine's "rare company words" keys leave these words out (`companyWordKeys`). The list is
 * a function of the word alone, never of what is stored: a key that depended on the store's
 * counts would make a record's candidates depend on the order records arrived in, and a rebuild
 * could then differ from the live state. Migration 1765300000000 holds a copy of it: a change of
 * the list comes with a migration that rewrites the stored keys.
 */
const WORDS = `
  societe ste cie compagnie groupe group groupement holding holdings france francaise french international internationale
  europe europeenne euro entreprise entreprises ets etablissements etabl maison fils freres soeurs pere famille associes
  partenaires partners company corporation industries industrie industriel industrielle nouvelle nouveau nouveaux
  general generale generales services service multiservices multi prestations prestation solutions solution systemes
  conseil conseils consulting consultants management gestion developpement strategie expertise expert experts
  agence cabinet atelier ateliers studio bureau office comptoir boutique magasin bazar
  commerce commercial commerciale negoce distribution diffusion import export achats vente ventes location
  investissement investissements participations patrimoine patrimoines finance finances financiere capital
  immobilier immobiliere immo fonciere habitat logement residence residences promotion
  batiment batiments construction constructions renovation travaux maconnerie charpente couverture menuiserie
  plomberie chauffage climatisation sanitaire electricite elec electrique peinture decoration carrelage isolation
  terrassement amenagement amenagements paysage paysages jardin jardins espaces verts
  transport transports logistique fret demenagement demenagements taxi taxis ambulance ambulances
  garage auto autos automobile automobiles carrosserie mecanique moto motos pneus
  restaurant restauration brasserie bistrot bistro cafe bar tabac auberge relais hotel hotellerie snack pizza pizzeria
  burger kebab traiteur boulangerie patisserie fournil boucherie charcuterie epicerie alimentation primeur
  supermarche hypermarche market hyper superette
  pharmacie optique coiffure salon beaute institut esthetique sante medical medicale dentaire infirmier
  informatique digital numerique logiciel logiciels software data technologies technologie technique techniques tech
  ingenierie etudes communication media medias publicite marketing edition editions formation formations ecole
  nettoyage proprete securite surveillance energie energies environnement eau
  agricole agriculture exploitation ferme earl gaec domaine domaines vignoble vignobles chateau vins champagne
  mode textile fleurs fleuriste bois materiaux metal metallerie
  association amicale club sport sports sportif sportive comite fetes football tennis
  paris lyon marseille toulouse nice nantes bordeaux lille strasbourg montpellier rennes
  nord sud est ouest centre gare port marche place halles lac vallee val rives
  provence bretagne normandie alpes atlantique mediterranee loire
`;

export const GENERIC_COMPANY_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(fold));

/**
 * What a company name is keyed on, within its postal district: its words that are not generic
 * ("Boulangerie Kowalczyk": "kowalczyk"). A name of generic words only is keyed on each pair of
 * its words ("Boulangerie du Centre": "boulangerie centre"; "Hôtel de Paris" and "Hôtel Paris
 * Centre" share "hotel paris"), since each of its words alone is shared by hundreds of companies
 * of its district, and a name of one generic word on that word. `words` are distinct.
 */
export function companyWordKeys(words: readonly string[]): string[] {
  const distinctive = words.filter((w) => !GENERIC_COMPANY_WORDS.has(w));
  if (distinctive.length > 0) return distinctive;
  if (words.length < 2) return [...words];
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(words[i] < words[j] ? `${words[i]} ${words[j]}` : `${words[j]} ${words[i]}`);
  return pairs;
}
