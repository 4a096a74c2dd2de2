import { fold } from './text';

/** Every ISO 3166-1 alpha-2 code currently assigned. */
const ALPHA2 = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE
KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC
SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;
export const ISO_ALPHA2: ReadonlySet<string> = new Set(ALPHA2.split(/\s+/));

/** Names (French, English, local), alpha-3 codes and usual variants, folded -> alpha-2. */
const NAMES: Record<string, string> = {
  france: 'FR', fra: 'FR', 'france metropolitaine': 'FR', 'republique francaise': 'FR',
  belgique: 'BE', belgium: 'BE', belgie: 'BE', belgien: 'BE', bel: 'BE',
  suisse: 'CH', switzerland: 'CH', schweiz: 'CH', svizzera: 'CH', che: 'CH',
  allemagne: 'DE', germany: 'DE', deutschland: 'DE', deu: 'DE', ger: 'DE', rfa: 'DE',
  espagne: 'ES', spain: 'ES', espana: 'ES', esp: 'ES',
  italie: 'IT', italy: 'IT', italia: 'IT', ita: 'IT',
  luxembourg: 'LU', lux: 'LU', luxemburg: 'LU', 'grand duche de luxembourg': 'LU',
  'royaume uni': 'GB', 'united kingdom': 'GB', uk: 'GB', gbr: 'GB', 'grande bretagne': 'GB', 'great britain': 'GB',
  angleterre: 'GB', england: 'GB', ecosse: 'GB', scotland: 'GB', 'pays de galles': 'GB', wales: 'GB',
  'pays bas': 'NL', netherlands: 'NL', nederland: 'NL', hollande: 'NL', holland: 'NL', nld: 'NL',
  portugal: 'PT', prt: 'PT', irlande: 'IE', ireland: 'IE', irl: 'IE',
  autriche: 'AT', austria: 'AT', osterreich: 'AT', oesterreich: 'AT', aut: 'AT',
  'etats unis': 'US', 'etats unis d amerique': 'US', 'united states': 'US', 'united states of america': 'US', usa: 'US',
  'u s a': 'US', 'u s': 'US', canada: 'CA', can: 'CA', monaco: 'MC', mco: 'MC', andorre: 'AD', andorra: 'AD',
  pologne: 'PL', poland: 'PL', polska: 'PL', pol: 'PL', danemark: 'DK', denmark: 'DK', danmark: 'DK',
  suede: 'SE', sweden: 'SE', sverige: 'SE', norvege: 'NO', norway: 'NO', norge: 'NO', finlande: 'FI', finland: 'FI',
  grece: 'GR', greece: 'GR', el: 'GR', 'republique tcheque': 'CZ', tchequie: 'CZ', czechia: 'CZ', 'czech republic': 'CZ',
  roumanie: 'RO', romania: 'RO', hongrie: 'HU', hungary: 'HU', bulgarie: 'BG', bulgaria: 'BG', croatie: 'HR',
  croatia: 'HR', slovaquie: 'SK', slovenie: 'SI', estonie: 'EE', lettonie: 'LV', lituanie: 'LT', malte: 'MT',
  malta: 'MT', chypre: 'CY', cyprus: 'CY', islande: 'IS', iceland: 'IS', liechtenstein: 'LI', 'saint marin': 'SM',
  vatican: 'VA', russie: 'RU', russia: 'RU', ukraine: 'UA', turquie: 'TR', turkey: 'TR', turkiye: 'TR',
  maroc: 'MA', morocco: 'MA', algerie: 'DZ', algeria: 'DZ', tunisie: 'TN', tunisia: 'TN', senegal: 'SN',
  'cote d ivoire': 'CI', 'ivory coast': 'CI', cameroun: 'CM', cameroon: 'CM', mali: 'ML', madagascar: 'MG',
  'ile maurice': 'MU', maurice: 'MU', mauritius: 'MU', egypte: 'EG', egypt: 'EG', 'afrique du sud': 'ZA',
  'south africa': 'ZA', chine: 'CN', china: 'CN', japon: 'JP', japan: 'JP', inde: 'IN', india: 'IN',
  'coree du sud': 'KR', 'south korea': 'KR', bresil: 'BR', brazil: 'BR', brasil: 'BR', mexique: 'MX', mexico: 'MX',
  argentine: 'AR', argentina: 'AR', chili: 'CL', chile: 'CL', australie: 'AU', australia: 'AU',
  'nouvelle zelande': 'NZ', 'new zealand': 'NZ', israel: 'IL', liban: 'LB', lebanon: 'LB',
  'emirats arabes unis': 'AE', 'united arab emirates': 'AE', uae: 'AE', singapour: 'SG', singapore: 'SG',
  quebec: 'CA', guadeloupe: 'GP', martinique: 'MQ', guyane: 'GF', 'guyane francaise': 'GF', reunion: 'RE',
  'la reunion': 'RE', mayotte: 'YT', 'nouvelle caledonie': 'NC', 'polynesie francaise': 'PF',
  'saint pierre et miquelon': 'PM', 'saint barthelemy': 'BL', 'saint martin': 'MF', 'wallis et futuna': 'WF',
};

/** "France", "FRANCE", "fr", "FRA", "Belgique", "Deutschland" -> ISO 3166 alpha-2; undefined when unknown. */
export function normalizeCountry(text: string): string | undefined {
  if (text.length > 60) return undefined;
  const upper = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) {
    if (upper === 'UK') return 'GB';
    if (upper === 'EL') return 'GR';
    return ISO_ALPHA2.has(upper) ? upper : undefined;
  }
  const key = fold(text.replace(/\./g, ' '));
  return NAMES[key] ?? NAMES[key.replace(/^(la|le|les|l) /, '')];
}

/** Countries whose addresses follow the French postal rules (La Poste serves them). */
export const FRENCH_POSTAL_COUNTRIES: ReadonlySet<string> = new Set(['FR', 'MC', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF']);
