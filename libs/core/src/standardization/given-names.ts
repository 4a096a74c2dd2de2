/**
 * Common French given names, folded (lower case, no accents), used to tell a given name from a
 * surname when the order is uncertain. Parts of compound names (jean, pierre, marie) are enough:
 * "Jean-Pierre" is recognised part by part.
 */
const NAMES = `
adam adele adeline adrien agathe agnes aicha alain alan albert alexandra alexandre alexis alice aline alix
amandine amaury ambre amelie anais andre andrea angelique anne annabelle annick annie anthony antoine antonin
apolline ariane arlette armand arnaud arthur audrey augustin aurelie aurelien axel aymeric baptiste barbara
basile bastien beatrice benedicte benjamin benoit bernadette bernard berthe blanche brigitte bruno camille
capucine carole caroline catherine cecile cedric celine chantal charles charlotte chloe christelle christian
christiane christine christophe claire clara claude claudine clemence clement clementine colette coline
corinne cyril cyrille damien daniel daniele danielle david delphine denis denise didier dominique dorian
dylan edith edouard elisa elisabeth elise eliane eloise elodie emile emilie emma emmanuel emmanuelle enzo
eric estelle ethan etienne eugenie eva evelyne fabien fabienne fabrice fanny felix fernand fernande florence
florent florian francine francis franck francois francoise frederic frederique gabriel gabrielle gael gaelle
gaetan gaspard genevieve georges gerald gerard germaine gilbert gilles ginette gisele gregoire gregory guillaume
guy guylaine helene henri herve hugo hugues ines irene isabelle jacqueline jacques jade jean jeanne jeannine
jennifer jeremie jeremy jerome joel joelle jonathan jordan josette joseph josiane judith jules julia julie
julien juliette justine karine kevin laetitia laura laure laurence laurent lea lea leane leila leo leon leonie
liliane lina lisa lise louis louise luc luca lucas lucie lucien lucienne ludovic lydie madeleine maelle manon
marc marcel marcelle margaux margot marguerite maria marie marine marion martin martine mathieu mathilde mathis
matteo matthieu maurice maxence maxime melanie melissa mia michel micheline michele mickael mireille monique
morgane muriel myriam nadia nadine nathalie nathan nicolas nicole noah noe noel noemie oceane odette odile
olivia olivier pascal pascale patrice patricia patrick paul paule pauline philippe pierre pierrette quentin
rachel raphael raphaelle raymond regine regis remi remy renaud rene renee richard robert roger roland romain
romane rose roselyne sabine sacha salome samuel sandra sandrine sarah sebastien serge severine simon simone
solange sophie stephane stephanie suzanne sylvain sylvie tatiana theo theophile therese thibault thibaut
thierry thomas timothee tom tristan valentin valentine valerie vanessa veronique victor victoria vincent
virginie vivien viviane william xavier yann yannick yoann yves yvette yvonne zoe anne-marie marie-claire
louane jade lina rayan mohamed karim sofiane yanis ines amine nour lou leo jules gabin aaron sacha kylian
evan nolan loic mael erwan ronan yvon jocelyne huguette gaston marius lucile maud ophelie perrine sylvia
`;

export const COMMON_GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((n) => n !== ''));

/** Every hyphen- or space-separated part of the folded name is a known given name. */
export function isCommonGivenName(foldedName: string): boolean {
  const parts = foldedName.split(/[\s-]+/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => COMMON_GIVEN_NAMES.has(p));
}
