/** The public benchmarks `mdm bench match` runs: files under the datasets folder and their mapping. */
export interface BenchDataset {
  name: string;
  inputs: string[];
  id: string;
  map: string;
  kind: 'person' | 'organization';
  country: string;
  truth: string;
  truthPattern?: string;
  /** Best published pairwise F1 we know of (docs/matching.md). */
  reference?: string;
  /** Rows of each kind come from this column (files mixing persons and organizations). */
  kindColumn?: string;
  /** Not a file: generated with `mdm generate` (synthetic French customers with their true entity). */
  generate?: { records: number; seed: number };
}

const FEBRL_MAP =
  'given_name=firstName,surname=lastName,street_number=houseNumber,address_1=street,address_2=addressLine2,suburb=city,postcode=postalCode,state=region,date_of_birth=birthDate';
const FEBRL = { id: 'rec_id', map: FEBRL_MAP, kind: 'person', country: 'AU', truth: 'rec_id', truthPattern: '^rec-(\\d+)-' } as const;

export const BENCH_DATASETS: BenchDataset[] = [
  { name: 'febrl1', inputs: ['febrl/febrl_dataset1.csv'], ...FEBRL },
  { name: 'febrl2', inputs: ['febrl/febrl_dataset2.csv'], ...FEBRL },
  { name: 'febrl3', inputs: ['febrl/febrl_dataset3.csv'], ...FEBRL, reference: '0.996 (GoldenMatch), Splink 0.965' },
  { name: 'febrl4', inputs: ['febrl/febrl_dataset4a.csv', 'febrl/febrl_dataset4b.csv'], ...FEBRL, reference: '0.980 (Vo et al. 2019)' },
  {
    name: 'fake1000',
    inputs: ['splink/fake_1000.csv'],
    id: 'unique_id',
    map: 'first_name=firstName,surname=lastName,dob=birthDate,city=city,email=email',
    kind: 'person',
    country: 'GB',
    truth: 'cluster',
  },
  {
    name: 'historical50k',
    inputs: ['splink/historical_figures_with_errors_50k.csv'],
    id: 'unique_id',
    map: 'first_name=firstName,surname=lastName,dob=birthDate,birth_place=city,postcode_fake=postalCode,gender=civility',
    kind: 'person',
    country: 'GB',
    truth: 'cluster',
    reference: '0.827 (GoldenMatch), Splink 0.757',
  },
  {
    name: 'dedupe-csv',
    inputs: ['dedupe_csv_example/csv_example_input_with_true_ids.csv'],
    id: 'Id',
    map: 'Site name=legalName,Address=street,Zip=postalCode,Phone=phone',
    kind: 'organization',
    country: 'US',
    truth: 'True Id',
    reference: "0.791 (dedupe's committed output)",
  },
];

const SYNTHETIC: Omit<BenchDataset, 'name' | 'generate'> = {
  inputs: ['generated.csv'],
  id: 'record_id',
  map: 'civility,firstName,lastName,fullName,birthDate,street,houseNumber,addressLine2,postalCode,city,region,country,legalName,tradeName,siren,siret,email,phone',
  kind: 'person',
  kindColumn: 'kind',
  country: 'FR',
  truth: 'entity_id',
};

BENCH_DATASETS.push(
  { name: 'synthetic100k', ...SYNTHETIC, generate: { records: 100_000, seed: 1 } },
  { name: 'synthetic1m', ...SYNTHETIC, generate: { records: 1_000_000, seed: 1 } },
);

export const DEFAULT_BENCH = ['febrl3', 'febrl4', 'historical50k', 'dedupe-csv'];
