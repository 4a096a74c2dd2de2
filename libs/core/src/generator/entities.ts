/**
 * Clean real-world parties: persons (consumers and contacts of companies) and organizations. These
 * are the ground truth; source records are rendered from them with errors (see records.ts, noise.ts).
 */
import { Commune, COMMUNES, COMMUNES_BY_REGION } from './data/communes';
import {
  ACRONYM_SYLLABLES,
  ACTIVITIES,
  Activity,
  EMAIL_DOMAINS,
  LEGAL_FORMS,
  NAME_PLACES,
  NAME_PREFIXES,
  PAYMENT_TERMS,
} from './data/companies';
import { ADDRESS_LINE_2, BUSINESS_ADDRESS_LINE_2, STREET_NAMES, STREET_TYPES, StreetType } from './data/streets';
import { FEMALE_GIVEN_NAME_LIST, MALE_GIVEN_NAME_LIST, surnameDistribution } from './name-frequencies';
import { generateLandline, generateMobile, generateSiren, siretOf, vatNumberOf } from './identifiers';
import { Rng, WeightedList } from './prng';
import { daysInMonth, deOf, pad2, slug } from './text';
import { UniqueGuard } from './unique-guard';

export interface Address {
  readonly houseNumber: string;
  readonly streetType: StreetType;
  /** Name after the type: "de la République". */
  readonly streetName: string;
  readonly addressLine2: string;
  readonly commune: Commune;
}

export interface Establishment {
  readonly siret: string;
  readonly address: Address;
  /** Landline of the establishment, national format. */
  readonly phone: string;
  readonly headOffice: boolean;
}

export interface Organization {
  readonly kind: 'organization';
  readonly id: string;
  readonly legalName: string;
  readonly tradeName: string;
  /** INSEE short form: SAS, SARL, ..., or 'association'. */
  readonly legalForm: string;
  readonly siren: string;
  readonly vatNumber: string;
  readonly nafCode: string;
  readonly activityWord: string;
  /** Current establishments; the first is the head office. */
  readonly establishments: readonly Establishment[];
  /** The head office before the company moved (closed establishment, older SIRET), if it moved. */
  readonly formerHeadOffice?: Establishment;
  /** Switchboard number shared by everyone at the company (national format). */
  readonly switchboard: string;
  readonly formerSwitchboard?: string;
  /** Email domain: the company's own domain, or a consumer domain for small businesses. */
  readonly emailDomain: string;
  readonly ownDomain: boolean;
  /** Local part of the company's generic mailbox (contact@, compta@, or "boulangerie.martin" at a consumer domain). */
  readonly mailbox: string;
  readonly website: string;
  readonly paymentTerms: string;
  /** Day (epoch days) the company moved or changed its switchboard; stale records predate it. */
  readonly changedOn: number;
}

export interface Employment {
  readonly organization: Organization;
  readonly establishment: Establishment;
  readonly workEmail: string;
  /** Direct landline, if the contact has one. */
  readonly directLine?: string;
  readonly jobTitle: string;
}

export interface Person {
  readonly kind: 'person';
  readonly id: string;
  readonly sex: 'M' | 'F';
  readonly firstName: string;
  readonly lastName: string;
  /** Birth name of a married woman who uses her spouse's name. */
  readonly maidenName?: string;
  /** ISO date YYYY-MM-DD. */
  readonly birthDate: string;
  readonly address: Address;
  readonly formerAddress?: Address;
  readonly mobile?: string;
  readonly formerMobile?: string;
  readonly landline?: string;
  readonly email: string;
  readonly formerEmail?: string;
  readonly emailOptIn: boolean;
  readonly smsOptIn: boolean;
  readonly employment?: Employment;
  readonly changedOn: number;
}

export type Party = Person | Organization;

/** Dates of records span this window (epoch days). */
export const WINDOW_START = Math.floor(Date.UTC(2016, 0, 1) / 86_400_000);
export const WINDOW_END = Math.floor(Date.UTC(2025, 5, 30) / 86_400_000);
const REFERENCE_YEAR = 2025;

const COMMUNE_LIST = new WeightedList(COMMUNES.map((c) => [c, c.weight] as const));
const STREET_TYPE_LIST = new WeightedList(STREET_TYPES.map((t) => [t, t.weight] as const));
const STREET_NAME_LIST = WeightedList.zipf(STREET_NAMES, 0.6);
const ACTIVITY_LIST = new WeightedList(ACTIVITIES.map((a) => [a, a.weight] as const));
const LEGAL_FORM_LIST = new WeightedList(LEGAL_FORMS);
const PAYMENT_TERMS_LIST = new WeightedList(PAYMENT_TERMS);
const EMAIL_DOMAIN_LIST = new WeightedList(EMAIL_DOMAINS);
const JOB_TITLES: readonly string[] = [
  'Gérant', 'Gérante', 'Directeur général', 'Responsable achats', 'Comptable', 'Assistante de direction', 'Directeur commercial',
  'Responsable administratif et financier', 'Chef de projet', 'Office manager', 'Président', 'Responsable logistique', 'Acheteur',
];
const LIBERAL_NAF = new Set(['69.20Z', '69.10Z', '86.21Z', '47.73Z', '71.12B']);

/** Shared state of one generation run: the random stream and the uniqueness guards. */
export class EntityFactory {
  private readonly sirens = new UniqueGuard(24);
  private readonly emails = new UniqueGuard(26);
  private readonly domains = new UniqueGuard(24);
  private nextId = 1;

  constructor(readonly rng: Rng) {}

  newId(): string {
    return `E${String(this.nextId++).padStart(7, '0')}`;
  }

  pickCommune(): Commune {
    return COMMUNE_LIST.pick(this.rng);
  }

  address(commune: Commune, business: boolean): Address {
    const rng = this.rng;
    let houseNumber = '';
    if (!business || rng.chance(0.9)) {
      houseNumber = String(rng.chance(0.7) ? rng.int(1, 40) : rng.int(41, 250));
      if (rng.chance(0.05)) houseNumber += rng.chance(0.8) ? ' bis' : ' ter';
    }
    const streetType = STREET_TYPE_LIST.pick(rng);
    let streetName = STREET_NAME_LIST.pick(rng);
    if (streetType.name === 'place' && streetName.startsWith('Saint')) streetName = 'de la Mairie';
    const addressLine2 = rng.chance(business ? 0.3 : 0.12) ? rng.pick(business ? BUSINESS_ADDRESS_LINE_2 : ADDRESS_LINE_2) : '';
    return { houseNumber, streetType, streetName, addressLine2, commune };
  }

  /**
   * A surname from the calibrated distribution (name-frequencies.ts); 3 % are double-barrelled.
   * 12 % of the single names take one more draw, as the composed names of the earlier lists did (the
   * rest of the stream still differs: the email uniqueness guard retries less often).
   */
  surname(): string {
    const rng = this.rng;
    const surnames = surnameDistribution();
    const r = rng.next();
    if (r < 0.97) {
      const name = surnames.pick(rng);
      if (r >= 0.85) rng.next();
      return name;
    }
    return `${surnames.pick(rng)}-${surnames.pick(rng)}`;
  }

  givenName(sex: 'M' | 'F'): string {
    return (sex === 'M' ? MALE_GIVEN_NAME_LIST : FEMALE_GIVEN_NAME_LIST).pick(this.rng);
  }

  /** A birth date for an adult aged 18 to 90 in the reference year. */
  birthDate(): string {
    const rng = this.rng;
    const age = rng.chance(0.85) ? rng.int(20, 70) : rng.chance(0.5) ? rng.int(18, 19) : rng.int(71, 90);
    const year = REFERENCE_YEAR - age;
    const month = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(year, month));
    return `${year}-${pad2(month)}-${pad2(day)}`;
  }

  /** A unique personal email address at a consumer domain. */
  personalEmail(firstName: string, lastName: string, birthDate: string, domain?: string): string {
    const rng = this.rng;
    const f = slug(firstName);
    const l = slug(lastName, false);
    const year = birthDate.slice(0, 4);
    for (let attempt = 0; ; attempt++) {
      const d = domain ?? EMAIL_DOMAIN_LIST.pick(rng);
      let local: string;
      const r = rng.next();
      if (r < 0.3) local = `${f}.${l}`;
      else if (r < 0.42) local = `${f.charAt(0)}${l}`;
      else if (r < 0.5) local = `${f}${l}`;
      else if (r < 0.56) local = `${l}.${f}`;
      else if (r < 0.62) local = `${f}_${l}`;
      else if (r < 0.72) local = `${f}.${l}${year.slice(2)}`;
      else if (r < 0.8) local = `${f}${l}${year}`;
      else if (r < 0.88) local = `${f.charAt(0)}.${l}${rng.int(1, 99)}`;
      else if (r < 0.94) local = `${f}.${l}${rng.int(1, 999)}`;
      else local = `${f}${rng.int(10, 9999)}`;
      if (attempt > 3) local += String(rng.int(100, 99_999));
      const email = `${local}@${d}`;
      if (this.emails.add(email) || attempt > 8) return email;
    }
  }

  /** A unique work email at the company domain. */
  workEmail(firstName: string, lastName: string, domain: string): string {
    const rng = this.rng;
    const f = slug(firstName);
    const l = slug(lastName, false);
    for (let attempt = 0; ; attempt++) {
      const r = rng.next();
      let local = r < 0.65 ? `${f}.${l}` : r < 0.85 ? `${f.charAt(0)}${l}` : r < 0.93 ? `${f}` : `${l}`;
      if (attempt > 1) local = `${f}.${l}${attempt}`;
      const email = `${local}@${domain}`;
      if (this.emails.add(email) || attempt > 8) return email;
    }
  }

  person(options: { employer?: { organization: Organization; establishment: Establishment }; household?: Person } = {}): Person {
    const rng = this.rng;
    const household = options.household;
    const sex: 'M' | 'F' = household ? (household.sex === 'M' ? (rng.chance(0.9) ? 'F' : 'M') : rng.chance(0.9) ? 'M' : 'F') : rng.chance(0.5) ? 'M' : 'F';
    const firstName = this.givenName(sex);
    const birthDate = this.birthDate();
    const age = REFERENCE_YEAR - Number(birthDate.slice(0, 4));
    let lastName: string;
    let maidenName: string | undefined;
    if (household && rng.chance(0.7)) {
      lastName = household.lastName;
      if (sex === 'F' && household.sex === 'M') maidenName = this.surname();
    } else {
      lastName = this.surname();
      if (sex === 'F' && age >= 25 && rng.chance(0.45)) maidenName = this.surname();
    }
    if (maidenName === lastName) maidenName = undefined;
    const commune = household ? household.address.commune : this.pickCommune();
    const address = household ? household.address : this.address(commune, false);
    const formerAddress = rng.chance(0.2) ? this.address(rng.chance(0.6) ? commune : this.pickCommune(), false) : undefined;
    const mobile = rng.chance(age > 75 ? 0.6 : 0.93) ? generateMobile(rng, commune.phone) : undefined;
    const formerMobile = mobile && rng.chance(0.12) ? generateMobile(rng, commune.phone) : undefined;
    const landline = household?.landline ?? (rng.chance(age > 55 ? 0.6 : 0.2) || !mobile ? generateLandline(rng, commune.phone) : undefined);
    const email =
      household && rng.chance(0.12)
        ? household.email // a family mailbox shared by the household
        : this.personalEmail(firstName, lastName, birthDate);
    const formerEmail = rng.chance(0.1) ? this.personalEmail(firstName, lastName, birthDate) : undefined;
    let employment: Employment | undefined;
    if (options.employer) {
      const { organization, establishment } = options.employer;
      const workEmail = organization.ownDomain
        ? this.workEmail(firstName, lastName, organization.emailDomain)
        : `${organization.mailbox}@${organization.emailDomain}`;
      const directLine = rng.chance(0.4) ? generateLandline(rng, establishment.address.commune.phone) : undefined;
      employment = { organization, establishment, workEmail, directLine, jobTitle: rng.pick(JOB_TITLES) };
    }
    return {
      kind: 'person',
      id: this.newId(),
      sex,
      firstName,
      lastName,
      maidenName,
      birthDate,
      address,
      formerAddress,
      mobile,
      formerMobile,
      landline,
      email,
      formerEmail,
      emailOptIn: rng.chance(0.55),
      smsOptIn: rng.chance(0.3),
      employment,
      changedOn: rng.int(WINDOW_START + 200, WINDOW_END - 200),
    };
  }

  organization(): Organization {
    const rng = this.rng;
    const activity = ACTIVITY_LIST.pick(rng);
    let legalForm = activity.legalForm ?? LEGAL_FORM_LIST.pick(rng);
    if (legalForm === 'SELARL' && !LIBERAL_NAF.has(activity.naf)) legalForm = 'SARL';
    const association = legalForm === 'association';
    let siren = generateSiren(rng, association);
    while (!this.sirens.add(siren)) siren = generateSiren(rng, association);

    const headCommune = this.pickCommune();
    const { legalName, tradeName, founder } = this.companyName(activity, legalForm, headCommune);
    const establishmentCount = rng.chance(0.8) ? 1 : rng.chance(0.5) ? 2 : rng.chance(0.7) ? rng.int(3, 5) : rng.int(6, 20);
    const moved = rng.chance(0.1);
    let nic = rng.chance(0.7) ? 1 : rng.int(2, 5);
    let formerHeadOffice: Establishment | undefined;
    if (moved) {
      const oldCommune = rng.chance(0.6) ? headCommune : this.pickCommune();
      formerHeadOffice = {
        siret: siretOf(siren, nic),
        address: this.address(oldCommune, true),
        phone: generateLandline(rng, oldCommune.phone),
        headOffice: true,
      };
      nic += rng.int(1, 2);
    }
    const establishments: Establishment[] = [];
    for (let i = 0; i < establishmentCount; i++) {
      const commune = i === 0 ? headCommune : this.branchCommune(headCommune);
      establishments.push({
        siret: siretOf(siren, nic),
        address: this.address(commune, true),
        phone: generateLandline(rng, commune.phone),
        headOffice: i === 0,
      });
      nic += rng.chance(0.7) ? 1 : rng.int(2, 4);
    }
    const small = legalForm === 'EI' || legalForm === 'EURL' || legalForm === 'SASU' || legalForm === 'EIRL' || association;
    const ownDomain = !rng.chance(small ? 0.5 : 0.12);
    let emailDomain: string;
    let mailbox: string;
    if (ownDomain) {
      emailDomain = this.companyDomain(tradeName !== legalName && rng.chance(0.5) ? tradeName : legalName, headCommune);
      mailbox = rng.pick(['contact', 'contact', 'contact', 'info', 'accueil', 'compta', 'commercial']);
    } else {
      emailDomain = EMAIL_DOMAIN_LIST.pick(rng);
      const base = slug(tradeName).replace(/-/g, '.');
      mailbox = base || slug(founder);
      let attempt = 0;
      while (!this.emails.add(`${mailbox}@${emailDomain}`) && attempt < 6) {
        mailbox = `${base}${rng.int(1, 99)}`;
        attempt++;
      }
    }
    const switchboard = rng.chance(legalForm === 'EI' ? 0.55 : 0.12) ? generateMobile(rng, headCommune.phone) : establishments[0].phone;
    return {
      kind: 'organization',
      id: this.newId(),
      legalName,
      tradeName,
      legalForm,
      siren,
      vatNumber: association && rng.chance(0.7) ? '' : vatNumberOf(siren),
      nafCode: activity.naf,
      activityWord: activity.words[0],
      establishments,
      formerHeadOffice,
      switchboard,
      formerSwitchboard: rng.chance(0.1) ? generateLandline(rng, headCommune.phone) : undefined,
      emailDomain,
      ownDomain,
      mailbox,
      website: ownDomain && rng.chance(0.75) ? `www.${emailDomain}` : '',
      paymentTerms: PAYMENT_TERMS_LIST.pick(rng),
      changedOn: rng.int(WINDOW_START + 200, WINDOW_END - 200),
    };
  }

  private branchCommune(head: Commune): Commune {
    if (this.rng.chance(0.7)) {
      const sameRegion = COMMUNES_BY_REGION.get(head.region);
      if (sameRegion && sameRegion.length > 0) return this.rng.pick(sameRegion);
    }
    return this.pickCommune();
  }

  private companyName(activity: Activity, legalForm: string, commune: Commune): { legalName: string; tradeName: string; founder: string } {
    const rng = this.rng;
    const founder = this.surname();
    const word = rng.pick(activity.words);
    let legalName: string;
    let tradeName = '';
    if (legalForm === 'EI' || legalForm === 'EIRL') {
      const first = this.givenName(rng.chance(0.6) ? 'M' : 'F');
      legalName = `${first} ${founder}`; // an individual business bears the owner's name
      tradeName = rng.chance(0.7) ? `${word} ${founder}` : `${word} ${rng.pick(NAME_PLACES)}`;
      return { legalName, tradeName, founder };
    }
    if (legalForm === 'association') {
      legalName = rng.chance(0.6) ? `${word} ${deOf(commune.city)}` : `${word} ${rng.pick(NAME_PLACES)}`;
      return { legalName, tradeName: legalName, founder };
    }
    const r = rng.next();
    if (r < 0.25) legalName = `${word} ${founder}`;
    else if (r < 0.35) legalName = founder;
    else if (r < 0.41) legalName = `${founder} ${rng.pick(['et Fils', '& Fils', 'Frères', 'et Associés'])}`;
    else if (r < 0.56) legalName = `${word} ${rng.pick(NAME_PLACES)}`;
    else if (r < 0.61) legalName = `${word} ${deOf(commune.city)}`;
    else if (r < 0.81) legalName = `${rng.pick(NAME_PREFIXES)} ${word}`;
    else if (r < 0.88) {
      const n = rng.int(2, 3);
      legalName = '';
      for (let i = 0; i < n; i++) legalName += rng.pick(ACRONYM_SYLLABLES);
    } else if (r < 0.94) legalName = `${rng.pick(['Groupe', 'Établissements', 'Maison'])} ${founder}`;
    else legalName = rng.chance(0.5) ? `${founder} ${this.surname()}` : `${founder}-${this.surname()}`;
    if (rng.chance(0.3)) {
      const t = rng.next();
      if (t < 0.4) tradeName = `${word} ${rng.pick(NAME_PLACES)}`;
      else if (t < 0.7) tradeName = `${rng.pick(['Chez', 'Atelier', 'Maison'])} ${rng.chance(0.5) ? this.givenName(rng.chance(0.5) ? 'M' : 'F') : founder}`;
      else tradeName = `${rng.pick(NAME_PREFIXES)} ${word}`;
    }
    return { legalName, tradeName: tradeName || legalName, founder };
  }

  private companyDomain(name: string, commune: Commune): string {
    const rng = this.rng;
    const base = slug(name, true) || 'entreprise';
    const compact = rng.chance(0.5) ? base.replace(/-/g, '') : base;
    const tld = rng.chance(0.7) ? 'fr' : rng.chance(0.85) ? 'com' : rng.pick(['eu', 'net', 'bzh', 'paris']);
    let domain = `${compact}.${tld}`;
    let attempt = 0;
    while (!this.domains.add(domain)) {
      attempt++;
      const suffix = attempt === 1 ? slug(commune.city, false) : attempt === 2 ? commune.department : String(rng.int(2, 9999));
      domain = `${compact}-${suffix}.${tld}`;
      if (attempt > 8) break;
    }
    return domain;
  }
}
