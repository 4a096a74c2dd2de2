/**
 * Real (postal code, commune) pairs across metropolitan France, Corsica (20xxx) and the overseas
 * departments (97xxx), with a rough population weight, and the region and telephone plan of each
 * department.
 */
import { PhonePlan } from '../identifiers';

export interface Commune {
  readonly postalCode: string;
  readonly city: string;
  /** Rough weight (population in tens of thousands, at least 1). */
  readonly weight: number;
  readonly department: string;
  readonly region: string;
  readonly phone: PhonePlan;
}

// postal code;commune;weight
const RAW = `
01000;Bourg-en-Bresse;4
01100;Oyonnax;2
01200;Valserhône;1
01210;Ferney-Voltaire;1
02000;Laon;2
02100;Saint-Quentin;5
02200;Soissons;3
02400;Château-Thierry;1
03000;Moulins;2
03100;Montluçon;4
03200;Vichy;3
04000;Digne-les-Bains;1
04100;Manosque;2
05000;Gap;4
05100;Briançon;1
06000;Nice;10
06100;Nice;10
06200;Nice;10
06300;Nice;8
06400;Cannes;7
06600;Antibes;7
06130;Grasse;5
06500;Menton;3
06800;Cagnes-sur-Mer;5
07000;Privas;1
07100;Annonay;2
07200;Aubenas;1
08000;Charleville-Mézières;5
08200;Sedan;2
09000;Foix;1
09100;Pamiers;2
10000;Troyes;6
11000;Carcassonne;5
11100;Narbonne;5
12000;Rodez;2
12100;Millau;2
13001;Marseille;4
13002;Marseille;3
13003;Marseille;5
13004;Marseille;5
13005;Marseille;5
13006;Marseille;4
13007;Marseille;4
13008;Marseille;8
13009;Marseille;8
13010;Marseille;6
13011;Marseille;6
13012;Marseille;6
13013;Marseille;9
13014;Marseille;6
13015;Marseille;8
13016;Marseille;2
13100;Aix-en-Provence;14
13200;Arles;5
13300;Salon-de-Provence;4
13400;Aubagne;5
13500;Martigues;5
13600;La Ciotat;4
13800;Istres;4
14000;Caen;11
14100;Lisieux;2
14400;Bayeux;1
15000;Aurillac;3
16000;Angoulême;4
16100;Cognac;2
17000;La Rochelle;8
17100;Saintes;3
17200;Royan;2
17300;Rochefort;2
18000;Bourges;6
18100;Vierzon;3
19000;Tulle;1
19100;Brive-la-Gaillarde;5
20000;Ajaccio;4
20090;Ajaccio;3
20200;Bastia;3
20600;Bastia;2
20110;Propriano;1
20137;Porto-Vecchio;1
20169;Bonifacio;1
20220;L'Île-Rousse;1
20250;Corte;1
20260;Calvi;1
21000;Dijon;16
21200;Beaune;2
22000;Saint-Brieuc;4
22100;Dinan;1
22300;Lannion;2
23000;Guéret;1
24000;Périgueux;3
24100;Bergerac;3
24200;Sarlat-la-Canéda;1
25000;Besançon;12
25200;Montbéliard;3
25300;Pontarlier;2
26000;Valence;6
26100;Romans-sur-Isère;3
26200;Montélimar;4
27000;Évreux;5
27200;Vernon;2
27500;Pont-Audemer;1
28000;Chartres;4
28100;Dreux;3
29000;Quimper;6
29100;Douarnenez;1
29200;Brest;14
29600;Morlaix;2
30000;Nîmes;15
30100;Alès;4
31000;Toulouse;10
31100;Toulouse;10
31200;Toulouse;10
31300;Toulouse;10
31400;Toulouse;10
31500;Toulouse;8
31120;Portet-sur-Garonne;1
31700;Blagnac;3
31770;Colomiers;4
31800;Saint-Gaudens;1
32000;Auch;2
33000;Bordeaux;8
33100;Bordeaux;5
33200;Bordeaux;5
33300;Bordeaux;5
33800;Bordeaux;4
33120;Arcachon;1
33400;Talence;4
33500;Libourne;3
33600;Pessac;6
33700;Mérignac;7
34000;Montpellier;10
34070;Montpellier;8
34080;Montpellier;6
34090;Montpellier;6
34200;Sète;4
34300;Agde;3
34400;Lunel;3
34500;Béziers;8
35000;Rennes;8
35200;Rennes;7
35700;Rennes;6
35300;Fougères;2
35400;Saint-Malo;5
35500;Vitré;2
36000;Châteauroux;4
37000;Tours;5
37100;Tours;5
37200;Tours;4
37300;Joué-lès-Tours;4
37400;Amboise;1
38000;Grenoble;8
38100;Grenoble;8
38200;Vienne;3
38300;Bourgoin-Jallieu;3
38400;Saint-Martin-d'Hères;4
38500;Voiron;2
39000;Lons-le-Saunier;2
39100;Dole;2
40000;Mont-de-Marsan;3
40100;Dax;2
41000;Blois;5
41100;Vendôme;2
42000;Saint-Étienne;9
42100;Saint-Étienne;8
42300;Roanne;3
43000;Le Puy-en-Velay;2
44000;Nantes;9
44100;Nantes;8
44200;Nantes;7
44300;Nantes;7
44400;Rezé;4
44500;La Baule-Escoublac;2
44600;Saint-Nazaire;7
45000;Orléans;7
45100;Orléans;5
45200;Montargis;2
46000;Cahors;2
47000;Agen;3
47300;Villeneuve-sur-Lot;2
48000;Mende;1
49000;Angers;8
49100;Angers;7
49300;Cholet;5
49400;Saumur;3
50000;Saint-Lô;2
50100;Cherbourg-en-Cotentin;8
50400;Granville;1
51000;Châlons-en-Champagne;4
51100;Reims;18
51200;Épernay;2
52000;Chaumont;2
52100;Saint-Dizier;2
53000;Laval;5
54000;Nancy;6
54100;Nancy;5
54400;Longwy;1
54500;Vandœuvre-lès-Nancy;3
55000;Bar-le-Duc;1
55100;Verdun;2
56000;Vannes;5
56100;Lorient;6
57000;Metz;7
57100;Thionville;4
57200;Sarreguemines;2
57600;Forbach;2
58000;Nevers;3
59000;Lille;12
59800;Lille;11
59100;Roubaix;10
59200;Tourcoing;10
59300;Valenciennes;4
59140;Dunkerque;9
59400;Cambrai;3
59500;Douai;4
59650;Villeneuve-d'Ascq;6
59700;Marcq-en-Barœul;4
60000;Beauvais;5
60100;Creil;3
60200;Compiègne;4
61000;Alençon;3
62000;Arras;4
62100;Calais;7
62200;Boulogne-sur-Mer;4
62300;Lens;3
62400;Béthune;2
63000;Clermont-Ferrand;8
63100;Clermont-Ferrand;7
63200;Riom;2
64000;Pau;8
64100;Bayonne;5
64200;Biarritz;3
64500;Saint-Jean-de-Luz;1
65000;Tarbes;4
65100;Lourdes;1
66000;Perpignan;7
66100;Perpignan;5
67000;Strasbourg;10
67100;Strasbourg;10
67200;Strasbourg;9
67500;Haguenau;4
67600;Sélestat;2
68000;Colmar;7
68100;Mulhouse;6
68200;Mulhouse;5
69001;Lyon;3
69002;Lyon;3
69003;Lyon;10
69004;Lyon;4
69005;Lyon;5
69006;Lyon;5
69007;Lyon;8
69008;Lyon;8
69009;Lyon;5
69100;Villeurbanne;15
69200;Vénissieux;6
69400;Villefranche-sur-Saône;4
69500;Bron;4
70000;Vesoul;1
71000;Mâcon;3
71100;Chalon-sur-Saône;4
71200;Le Creusot;2
72000;Le Mans;8
72100;Le Mans;6
73000;Chambéry;6
73100;Aix-les-Bains;3
73200;Albertville;2
74000;Annecy;13
74100;Annemasse;4
74200;Thonon-les-Bains;4
74400;Chamonix-Mont-Blanc;1
75001;Paris;2
75002;Paris;2
75003;Paris;3
75004;Paris;3
75005;Paris;6
75006;Paris;4
75007;Paris;5
75008;Paris;4
75009;Paris;6
75010;Paris;9
75011;Paris;14
75012;Paris;14
75013;Paris;18
75014;Paris;14
75015;Paris;23
75016;Paris;8
75116;Paris;8
75017;Paris;17
75018;Paris;19
75019;Paris;18
75020;Paris;19
76000;Rouen;6
76100;Rouen;5
76200;Dieppe;3
76600;Le Havre;17
77000;Melun;4
77100;Meaux;6
77200;Torcy;2
77300;Fontainebleau;2
78000;Versailles;9
78100;Saint-Germain-en-Laye;4
78200;Mantes-la-Jolie;4
78300;Poissy;4
79000;Niort;6
80000;Amiens;8
80100;Abbeville;2
81000;Albi;5
81100;Castres;4
82000;Montauban;6
83000;Toulon;6
83100;Toulon;6
83200;Toulon;5
83300;Draguignan;4
83400;Hyères;6
83600;Fréjus;5
83700;Saint-Raphaël;4
83990;Saint-Tropez;1
84000;Avignon;9
84100;Orange;3
84200;Carpentras;3
84300;Cavaillon;3
85000;La Roche-sur-Yon;5
85100;Les Sables-d'Olonne;4
86000;Poitiers;9
86100;Châtellerault;3
87000;Limoges;7
87100;Limoges;6
88000;Épinal;3
88100;Saint-Dié-des-Vosges;2
89000;Auxerre;3
89100;Sens;3
90000;Belfort;5
91000;Évry-Courcouronnes;6
91120;Palaiseau;4
91300;Massy;5
92000;Nanterre;10
92100;Boulogne-Billancourt;12
92130;Issy-les-Moulineaux;7
92200;Neuilly-sur-Seine;6
92300;Levallois-Perret;7
92400;Courbevoie;8
92500;Rueil-Malmaison;8
92600;Asnières-sur-Seine;9
92700;Colombes;9
92800;Puteaux;4
93000;Bobigny;5
93100;Montreuil;11
93200;Saint-Denis;11
93300;Aubervilliers;9
93600;Aulnay-sous-Bois;9
94000;Créteil;9
94100;Saint-Maur-des-Fossés;7
94200;Ivry-sur-Seine;6
94300;Vincennes;5
94400;Vitry-sur-Seine;9
95000;Cergy;6
95100;Argenteuil;11
95200;Sarcelles;6
97100;Basse-Terre;1
97110;Pointe-à-Pitre;2
97139;Les Abymes;5
97200;Fort-de-France;8
97232;Le Lamentin;4
97300;Cayenne;6
97310;Kourou;2
97400;Saint-Denis;15
97410;Saint-Pierre;8
97430;Le Tampon;8
97460;Saint-Paul;10
97600;Mamoudzou;7
`;

const REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['Auvergne-Rhône-Alpes', '01 03 07 15 26 38 42 43 63 69 73 74'],
  ['Bourgogne-Franche-Comté', '21 25 39 58 70 71 89 90'],
  ['Bretagne', '22 29 35 56'],
  ['Centre-Val de Loire', '18 28 36 37 41 45'],
  ['Corse', '20'],
  ['Grand Est', '08 10 51 52 54 55 57 67 68 88'],
  ['Hauts-de-France', '02 59 60 62 80'],
  ['Île-de-France', '75 77 78 91 92 93 94 95'],
  ['Normandie', '14 27 50 61 76'],
  ['Nouvelle-Aquitaine', '16 17 19 23 24 33 40 47 64 79 86 87'],
  ['Occitanie', '09 11 12 30 31 32 34 46 48 65 66 81 82'],
  ['Pays de la Loire', '44 49 53 72 85'],
  ["Provence-Alpes-Côte d'Azur", '04 05 06 13 83 84'],
  ['Guadeloupe', '971'],
  ['Martinique', '972'],
  ['Guyane', '973'],
  ['La Réunion', '974'],
  ['Mayotte', '976'],
];

const REGION_OF = new Map<string, string>();
for (const [region, departments] of REGIONS) for (const d of departments.split(' ')) REGION_OF.set(d, region);

/** Metropolitan area codes: 01 Île-de-France, 02 north-west, 03 north-east, 04 south-east, 05 south-west. */
const AREA_CODE_OF_REGION: Readonly<Record<string, string>> = {
  'Île-de-France': '01',
  Bretagne: '02', Normandie: '02', 'Pays de la Loire': '02', 'Centre-Val de Loire': '02',
  'Hauts-de-France': '03', 'Grand Est': '03', 'Bourgogne-Franche-Comté': '03',
  'Auvergne-Rhône-Alpes': '04', "Provence-Alpes-Côte d'Azur": '04', Corse: '04',
  'Nouvelle-Aquitaine': '05',
};
/** Occitanie is split between 04 (Languedoc) and 05 (Midi-Pyrénées). */
const LANGUEDOC = new Set(['11', '30', '34', '48', '66']);

const OVERSEAS_PHONE: Readonly<Record<string, PhonePlan>> = {
  '971': { landline: '0590', mobile: ['0690', '0691'] },
  '972': { landline: '0596', mobile: ['0696', '0697'] },
  '973': { landline: '0594', mobile: ['0694'] },
  '974': { landline: '0262', mobile: ['0692', '0693'] },
  '976': { landline: '0269', mobile: ['0639'] },
};
const METRO_MOBILE = ['06', '07'] as const;

/** Department code of a postal code: two digits, three for overseas, '20' for Corsica. */
export function departmentOf(postalCode: string): string {
  return postalCode.startsWith('97') ? postalCode.slice(0, 3) : postalCode.slice(0, 2);
}

function phonePlanOf(department: string, region: string): PhonePlan {
  const overseas = OVERSEAS_PHONE[department];
  if (overseas) return overseas;
  const area = region === 'Occitanie' ? (LANGUEDOC.has(department) ? '04' : '05') : AREA_CODE_OF_REGION[region];
  return { landline: area, mobile: METRO_MOBILE };
}

export const COMMUNES: readonly Commune[] = RAW.trim()
  .split('\n')
  .map((line) => {
    const [postalCode, city, weight] = line.split(';');
    const department = departmentOf(postalCode);
    const region = REGION_OF.get(department);
    if (!region) throw new Error(`no region for department ${department}`);
    return { postalCode, city, weight: Number(weight), department, region, phone: phonePlanOf(department, region) };
  });

/** Communes grouped by region, for branches opened near the head office. */
export const COMMUNES_BY_REGION: ReadonlyMap<string, readonly Commune[]> = (() => {
  const map = new Map<string, Commune[]>();
  for (const c of COMMUNES) {
    const list = map.get(c.region) ?? [];
    list.push(c);
    map.set(c.region, list);
  }
  return map;
})();
