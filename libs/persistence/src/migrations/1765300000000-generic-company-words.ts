import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's "rare company words + postal district" keys leave out generic company words
 * ("boulangerie", "services", "paris": `GENERIC_COMPANY_WORDS` in libs/core), and a name of
 * generic words only is keyed on each pair of its words ("boulangerie centre"). Before, every word
 * of 3 letters or more was a key: on 200,000 generated records, half of the pairs these keys
 * brought came from thirty generic words.
 * The stored keys are rewritten to what the engine now computes, from the keys themselves (each
 * holds a word and the postal district), so that a new record's pair keys meet the stored records
 * of generic names: a record with another word loses its generic-word keys; a name of generic
 * words only gets one key per pair of them instead of one per word. The word list is this
 * release's, written out here: a later change of the list comes with a migration of its own.
 */
const RULE = 'rare company words + postal district|organization|';
const GENERIC_WORDS = `
  achats agence agricole agriculture alimentation alpes ambulance ambulances amenagement
  amenagements amicale association associes atelier ateliers atlantique auberge auto automobile
  automobiles autos bar batiment batiments bazar beaute bistro bistrot bois bordeaux boucherie
  boulangerie boutique brasserie bretagne bureau burger cabinet cafe capital carrelage
  carrosserie centre champagne charcuterie charpente chateau chauffage cie climatisation club
  coiffure comite commerce commercial commerciale communication compagnie company comptoir
  conseil conseils construction constructions consultants consulting corporation couverture data
  decoration demenagement demenagements dentaire developpement diffusion digital distribution
  domaine domaines earl eau ecole edition editions elec electricite electrique energie energies
  entreprise entreprises environnement epicerie espaces est esthetique etabl etablissements ets
  etudes euro europe europeenne expert expertise experts exploitation export famille ferme fetes
  fils finance finances financiere fleuriste fleurs fonciere football formation formations
  fournil francaise france french freres fret gaec garage gare general generale generales gestion
  group groupe groupement habitat halles holding holdings hotel hotellerie hyper hypermarche immo
  immobilier immobiliere import industrie industriel industrielle industries infirmier
  informatique ingenierie institut international internationale investissement investissements
  isolation jardin jardins kebab lac lille location logement logiciel logiciels logistique loire
  lyon maconnerie magasin maison management marche market marketing marseille materiaux mecanique
  media medias medical medicale mediterranee menuiserie metal metallerie mode montpellier moto
  motos multi multiservices nantes negoce nettoyage nice nord normandie nouveau nouveaux nouvelle
  numerique office optique ouest paris partenaires participations partners patisserie patrimoine
  patrimoines paysage paysages peinture pere pharmacie pizza pizzeria place plomberie pneus port
  prestation prestations primeur promotion proprete provence publicite relais rennes renovation
  residence residences restaurant restauration rives salon sanitaire sante securite service
  services snack societe soeurs software solution solutions sport sportif sportive sports ste
  strasbourg strategie studio sud superette supermarche surveillance systemes tabac taxi taxis
  tech technique techniques technologie technologies tennis terrassement textile toulouse
  traiteur transport transports travaux val vallee vente ventes verts vignoble vignobles vins
`;

export class GenericCompanyWords1765300000000 implements MigrationInterface {
  name = 'GenericCompanyWords1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await this.rewrite(
      q,
      GENERIC_WORDS.split(/\s+/).filter(Boolean),
      // each record's words (with their district) from its keys; generic words left out when
      // another remains; pairs of words for a name of generic words only
      `words AS (
         SELECT source, source_id, split_part(substr(key, length($1) + 1), E'\\u0001', 1) AS word, split_part(key, E'\\u0001', 2) AS district
           FROM old),
       marked AS (
         SELECT w.*, w.word = ANY($2::text[]) AS generic, bool_and(w.word = ANY($2::text[])) OVER (PARTITION BY w.source, w.source_id) AS all_generic,
                count(*) OVER (PARTITION BY w.source, w.source_id) AS n
           FROM words w),
       new AS (
         SELECT source, source_id, $1 || word || E'\\u0001' || district AS key FROM marked WHERE NOT generic OR (all_generic AND n = 1)
         UNION
         SELECT a.source, a.source_id, $1 || a.word || ' ' || b.word || E'\\u0001' || a.district
           FROM marked a JOIN marked b ON b.source = a.source AND b.source_id = a.source_id AND a.word COLLATE "C" < b.word COLLATE "C"
          WHERE a.all_generic AND a.n > 1)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // every word of 3 letters or more of the company name, as before (the stop words of 3 letters left out)
    await this.rewrite(
      q,
      ['des', 'les', 'the', 'and', 'aux'],
      `districts AS (SELECT DISTINCT ON (source, source_id) source, source_id, split_part(key, E'\\u0001', 2) AS district FROM old),
       new AS (
         SELECT DISTINCT d.source, d.source_id, $1 || t.word || E'\\u0001' || d.district AS key
           FROM districts d JOIN source_record s ON s.source = d.source AND s.source_id = d.source_id
          CROSS JOIN LATERAL regexp_split_to_table(lower(s.match_record->>'legalName'), '[^a-z0-9\u00c0-\u024f]+') AS t(word)
          WHERE length(t.word) >= 3 AND t.word <> ALL($2::text[]))`,
    );
  }

  /**
   * Replaces this rule's keys of every record holding one by `new`, a query over `old` (this
   * rule's stored keys) that reads the rule's prefix as $1 and `words` as $2.
   */
  private async rewrite(q: QueryRunner, words: string[], newKeys: string): Promise<void> {
    // a one-time rewrite of every organization's keys: a large store takes longer than the
    // engine's statement timeout, and the transaction keeps it all or nothing
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(
      `CREATE TEMP TABLE rewritten_key ON COMMIT DROP AS
       WITH old AS (SELECT source, source_id, key FROM match_key WHERE starts_with(key, $1)), ${newKeys}
       SELECT source, source_id, key FROM new`,
      [RULE, words],
    );
    // each record holding such a key, with its new ones (none if its name has no word left)
    await q.query(
      `CREATE TEMP TABLE rewritten_record ON COMMIT DROP AS
       SELECT o.source, o.source_id, coalesce(array_agg(r.key) FILTER (WHERE r.key IS NOT NULL), '{}') AS keys
         FROM (SELECT DISTINCT source, source_id FROM match_key WHERE starts_with(key, $1)) o
         LEFT JOIN rewritten_key r ON r.source = o.source AND r.source_id = o.source_id
        GROUP BY o.source, o.source_id`,
      [RULE],
    );
    await q.query(`ANALYZE rewritten_record`);
    await q.query(`DELETE FROM match_key WHERE starts_with(key, $1)`, [RULE]);
    await q.query(`INSERT INTO match_key (key, source, source_id) SELECT key, source, source_id FROM rewritten_key ON CONFLICT DO NOTHING`);
    await q.query(
      `UPDATE source_record s
          SET match_keys = ARRAY(
                SELECT k FROM (SELECT k FROM unnest(s.match_keys) AS k WHERE NOT starts_with(k, $1) UNION SELECT unnest(w.keys)) u
                 ORDER BY k COLLATE "C")
         FROM rewritten_record w
        WHERE s.source = w.source AND s.source_id = w.source_id`,
      [RULE],
    );
  }
}
