/**
 * Renders one source record of a party, as that source would hold it: the fields its schema has,
 * its house formats, and the errors of the error model (noise.ts).
 */
import { DOTTED_LEGAL_FORMS, EMAIL_DOMAIN_TYPOS, PLACEHOLDER_EMAILS, PLACEHOLDER_PHONES, PLACEHOLDER_SIRET } from './data/companies';
import { Address, Establishment, Organization, Party, Person, WINDOW_END, WINDOW_START } from './entities';
import {
  abbreviateWords,
  cityVariant,
  dropAccents,
  effectiveProbabilities,
  ErrorProbabilities,
  formatPhone,
  givenNameVariant,
  identifierTypo,
  legalFormInName,
  nafVariant,
  nickname,
  PHONE_FORMATS,
  PhoneFormat,
  SourceName,
  SOURCES,
  spacedIdentifier,
  swapDayMonth,
  typo,
} from './noise';
import { Rng } from './prng';
import { emptyRow, GeneratedRow, joinValues } from './row';
import { isoTimestamp } from './text';

const HOUSE_PHONE_FORMAT: Readonly<Record<SourceName, PhoneFormat>> = { erp: 'spaced', crm: 'spaced', ecommerce: 'compact', forms: 'compact' };

/** Sales reps; a territory rule gives each department one of them. */
const OWNERS: readonly string[] = [
  'amartin', 'bdurand', 'cmoreau', 'dlefevre', 'egirard', 'fbonnet', 'gmercier', 'hroux', 'ifournier', 'jlambert',
  'kfaure', 'lblanc', 'mguerin', 'nchevalier', 'ogarnier', 'pperrin', 'qrobin', 'rclement', 'smorin', 'tnicolas',
];

const OVERSEAS_COUNTRY: Readonly<Record<string, string>> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT' };

const TEXT_FIELDS = ['firstName', 'lastName', 'fullName', 'street', 'addressLine2', 'city', 'legalName', 'tradeName'] as const;
const NAME_FIELDS = ['firstName', 'lastName', 'fullName'] as const;

export class RecordRenderer {
  private readonly probabilities: Record<SourceName, ErrorProbabilities>;
  private readonly externalCounters: Record<SourceName, number> = { erp: 0, crm: 0, ecommerce: 0, forms: 0 };

  constructor(
    private readonly rng: Rng,
    base: ErrorProbabilities,
    errorRate: number,
  ) {
    const probabilities = {} as Record<SourceName, ErrorProbabilities>;
    for (const s of SOURCES) probabilities[s] = effectiveProbabilities(base, s, errorRate);
    this.probabilities = probabilities;
  }

  render(party: Party, source: SourceName): GeneratedRow {
    const row = emptyRow();
    row.source = source;
    row.entity_id = party.id;
    row.kind = party.kind;
    row.externalId = this.externalId(source);
    const e = this.probabilities[source];
    if (party.kind === 'person') this.person(party, source, e, row);
    else this.organization(party, source, e, row);
    this.recordLevelNoise(e, row);
    return row;
  }

  // -------------------------------------------------------------------------------------------
  // Persons

  private person(p: Person, source: SourceName, e: ErrorProbabilities, row: GeneratedRow): void {
    const rng = this.rng;
    const present = (probability: number): boolean => rng.chance(probability * (1 - e.missingField));
    const emp = p.employment;
    const work = emp !== undefined && rng.chance(source === 'crm' ? 0.95 : source === 'forms' ? 0.7 : 0.4);
    const hasHistory = !work && (p.formerAddress !== undefined || p.formerMobile !== undefined || p.formerEmail !== undefined);
    const stale = hasHistory && rng.chance(e.stale);
    row.updatedAt = this.timestamp(hasHistory ? (stale ? WINDOW_START : p.changedOn) : WINDOW_START, hasHistory && stale ? p.changedOn : WINDOW_END);

    // Names
    let first = p.firstName;
    let last = p.lastName;
    if (p.maidenName && rng.chance(e.maidenName)) last = rng.chance(0.7) ? p.maidenName : `${p.lastName} née ${p.maidenName}`;
    if (first.includes('-') && rng.chance(e.givenNameVariant)) first = givenNameVariant(rng, first);
    else if (rng.chance(e.nickname)) first = nickname(rng, first) ?? first;
    if (rng.chance(e.typo)) first = typo(rng, first);
    if (rng.chance(e.typo)) last = typo(rng, last);
    if (rng.chance(e.swapNames)) [first, last] = [last, first];
    let nameForm: 'split' | 'full' | 'first' | 'none' = 'split';
    if (source === 'crm') nameForm = rng.chance(0.97) ? 'split' : 'full';
    else if (source === 'forms') {
      const r = rng.next();
      nameForm = r < 0.45 ? 'full' : r < 0.9 ? 'split' : r < 0.95 ? 'first' : 'none';
    }
    if (nameForm === 'split') {
      row.firstName = first;
      row.lastName = last;
    } else if (nameForm === 'full') {
      row.fullName = rng.chance(e.fullNameSurnameFirst) ? `${last.toUpperCase()} ${first}` : `${first} ${last}`;
    } else if (nameForm === 'first') row.firstName = first;

    const civilityRate = source === 'ecommerce' ? 0.9 : source === 'crm' ? 0.6 : 0.3;
    if (present(civilityRate)) row.civility = this.civility(p.sex, source, e);

    // Birth date
    const birthRate = source === 'ecommerce' ? 0.35 : source === 'crm' ? (emp ? 0.04 : 0.1) : 0.03;
    if (present(birthRate)) row.birthDate = rng.chance(e.dateSwap) ? swapDayMonth(p.birthDate) : p.birthDate;

    // Contact points
    const emails: string[] = [];
    const phones: string[] = [];
    if (work && emp) {
      const org = emp.organization;
      if (present(source === 'crm' ? 0.9 : source === 'forms' ? 0.85 : 1)) {
        emails.push(org.ownDomain && rng.chance(e.genericEmail) ? `${org.mailbox}@${org.emailDomain}` : emp.workEmail);
        if (source === 'crm' && rng.chance(0.08)) emails.push(p.email);
      }
      if (present(source === 'crm' ? 0.85 : source === 'forms' ? 0.5 : 0.8)) {
        const own = emp.directLine ?? p.mobile;
        if (own === undefined || rng.chance(e.sharedSwitchboard)) {
          phones.push(org.switchboard);
          if (own !== undefined && rng.chance(0.4)) phones.push(own);
        } else {
          phones.push(own);
          if (source === 'crm' && emp.directLine && p.mobile && rng.chance(0.3)) phones.push(p.mobile);
        }
      }
      const addressRate = source === 'crm' ? 0.5 : source === 'ecommerce' ? 0.95 : 0;
      if (present(addressRate)) this.address(emp.establishment.address, source, e, row, true);
      else if (source === 'forms' && present(0.35)) this.postalCodeOnly(emp.establishment.address, e, row);
      if (present(source === 'crm' ? 0.9 : 0.6)) row.legalName = this.typedCompanyName(org, e);
    } else {
      const email = stale && p.formerEmail ? p.formerEmail : p.email;
      if (present(source === 'crm' ? 0.8 : source === 'forms' ? 0.85 : 1) || source === 'ecommerce') {
        emails.push(email);
        if (source === 'ecommerce' && p.formerEmail && rng.chance(0.1)) emails.push(p.formerEmail);
      }
      const mobile = stale && p.formerMobile ? p.formerMobile : p.mobile;
      if (present(source === 'crm' ? 0.75 : source === 'forms' ? 0.55 : 0.85)) {
        if (mobile) phones.push(mobile);
        if (p.landline && (!mobile || rng.chance(source === 'forms' ? 0 : 0.2))) phones.push(p.landline);
      }
      const address = stale && p.formerAddress ? p.formerAddress : p.address;
      const addressRate = source === 'crm' ? 0.55 : source === 'ecommerce' ? 0.95 : 0.04;
      if (present(addressRate)) this.address(address, source, e, row, false);
      else if (source === 'forms' && present(0.35)) this.postalCodeOnly(address, e, row);
    }
    if (emails.length === 0 && phones.length === 0 && source === 'forms') emails.push(work && emp ? emp.workEmail : p.email);
    row.email = joinValues(emails.map((m) => this.email(m, e)));
    row.phone = joinValues(phones.map((n) => this.phone(n, source, e)));

    // Bookkeeping fields
    if (source === 'crm') {
      row.lifecycle = rng.pick(work ? ['lead', 'prospect', 'prospect', 'customer', 'customer'] : ['lead', 'prospect', 'customer']);
      row.owner = this.owner(work && emp ? emp.establishment.address : p.address);
    } else if (source === 'ecommerce') row.lifecycle = rng.chance(0.85) ? 'customer' : 'lead';
    else row.lifecycle = 'lead';
    const optInRate = source === 'ecommerce' ? 1 : source === 'forms' ? 0.8 : 0.4;
    if (rng.chance(optInRate)) {
      row.emailOptIn = String(p.emailOptIn);
      row.smsOptIn = String(p.smsOptIn);
    }
    if (rng.chance(e.placeholder)) this.placeholder(row, false);
  }

  private civility(sex: 'M' | 'F', source: SourceName, e: ErrorProbabilities): string {
    if (this.rng.chance(e.civilityVariant)) {
      return this.rng.pick(sex === 'M' ? ['Monsieur', 'Mr', 'M', 'MR', 'Mr.', 'M.'] : ['Madame', 'MME', 'Mlle', 'Melle', 'Mme.', 'Mme']);
    }
    if (source === 'forms') return sex === 'M' ? 'Monsieur' : 'Madame';
    return sex === 'M' ? 'M.' : 'Mme';
  }

  // -------------------------------------------------------------------------------------------
  // Organizations

  private organization(o: Organization, source: SourceName, e: ErrorProbabilities, row: GeneratedRow): void {
    const rng = this.rng;
    const present = (probability: number): boolean => rng.chance(probability * (1 - e.missingField));
    const hasHistory = o.formerHeadOffice !== undefined || o.formerSwitchboard !== undefined;
    const stale = hasHistory && rng.chance(e.stale);
    row.updatedAt = this.timestamp(hasHistory ? (stale ? WINDOW_START : o.changedOn) : WINDOW_START, hasHistory && stale ? o.changedOn : WINDOW_END);
    let establishment: Establishment;
    if (stale && o.formerHeadOffice) establishment = o.formerHeadOffice;
    else if (o.establishments.length === 1 || rng.chance(0.75)) establishment = o.establishments[0];
    else establishment = o.establishments[1 + Math.floor(rng.next() * (o.establishments.length - 1))];

    // Names and legal data
    if (source === 'erp') {
      row.legalName = rng.chance(e.typo) ? typo(rng, o.legalName.toUpperCase()) : o.legalName.toUpperCase();
      row.legalForm = o.legalForm;
      if (o.tradeName !== o.legalName && present(0.3)) row.tradeName = o.tradeName;
    } else {
      row.legalName = this.typedCompanyName(o, e);
      if (source === 'crm') {
        if (o.tradeName !== o.legalName && present(0.3)) row.tradeName = o.tradeName;
        if (present(0.4)) row.legalForm = rng.chance(e.identifierFormat) ? (DOTTED_LEGAL_FORMS[o.legalForm] ?? o.legalForm) : o.legalForm;
      }
    }
    const sirenRate = source === 'erp' ? 0.95 : source === 'crm' ? 0.3 : 0;
    if (present(sirenRate)) row.siren = this.identifier(o.siren, e);
    const siretRate = source === 'erp' ? 1 : source === 'crm' ? 0.35 : source === 'ecommerce' ? 0.45 : 0.15;
    if (source === 'erp' || present(siretRate)) row.siret = this.identifier(establishment.siret, e);
    const vatRate = source === 'erp' ? 0.85 : source === 'crm' ? 0.1 : source === 'ecommerce' ? 0.35 : 0;
    if (o.vatNumber && present(vatRate)) {
      row.vatNumber = rng.chance(e.identifierTypo) ? `FR${identifierTypo(rng, o.vatNumber.slice(2))}` : o.vatNumber;
      if (rng.chance(e.identifierFormat)) row.vatNumber = `${row.vatNumber.slice(0, 4)} ${spacedIdentifier(row.vatNumber.slice(4))}`;
    }
    if (source === 'erp' || (source === 'crm' && present(0.25))) row.nafCode = rng.chance(e.identifierFormat) ? nafVariant(rng, o.nafCode) : o.nafCode;
    if (source === 'erp') row.paymentTerms = o.paymentTerms;

    // Address
    const addressRate = source === 'erp' ? 1 : source === 'crm' ? 0.75 : source === 'ecommerce' ? 0.95 : 0;
    if (source === 'erp' || present(addressRate)) this.address(establishment.address, source, e, row, true);
    else if (source === 'forms' && present(0.5)) this.postalCodeOnly(establishment.address, e, row);

    // Contact points
    const phoneRate = source === 'erp' ? 0.9 : source === 'crm' ? 0.85 : source === 'ecommerce' ? 0.8 : 0.7;
    if (present(phoneRate)) {
      const number = stale && o.formerSwitchboard ? o.formerSwitchboard : establishment.headOffice ? o.switchboard : establishment.phone;
      row.phone = joinValues([this.phone(number, source, e), source === 'crm' && rng.chance(0.1) ? this.phone(establishment.phone, source, e) : undefined]);
    }
    const emailRate = source === 'erp' ? 0.7 : source === 'crm' ? 0.6 : source === 'ecommerce' ? 1 : 0.85;
    if (present(emailRate)) {
      const mailbox = source === 'erp' && o.ownDomain && rng.chance(0.4) ? 'compta' : o.mailbox;
      row.email = this.email(`${mailbox}@${o.emailDomain}`, e);
    }
    if (o.website && present(source === 'erp' ? 0.2 : source === 'crm' ? 0.5 : 0)) {
      row.website = rng.chance(e.identifierFormat) ? rng.pick([`https://${o.website}`, `http://${o.website}/`, o.website.slice(4)]) : o.website;
    }
    if (source === 'erp') row.lifecycle = 'customer';
    else if (source === 'crm') row.lifecycle = rng.chance(0.6) ? 'prospect' : 'customer';
    else row.lifecycle = source === 'ecommerce' ? 'customer' : 'lead';
    if (source === 'erp' || source === 'crm') row.owner = this.owner(establishment.address);
    if (rng.chance(e.placeholder)) this.placeholder(row, true);
  }

  /** The company name as a person types it: legal or trade name, often with the legal form in it. */
  private typedCompanyName(o: Organization, e: ErrorProbabilities): string {
    const rng = this.rng;
    let name = o.tradeName !== o.legalName && rng.chance(0.3) ? o.tradeName : o.legalName;
    if (rng.chance(e.legalFormVariant)) name = legalFormInName(rng, name, o.legalForm);
    if (rng.chance(e.typo)) name = typo(rng, name);
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // Shared field renderers

  private address(a: Address, source: SourceName, e: ErrorProbabilities, row: GeneratedRow, business: boolean): void {
    const rng = this.rng;
    const abbreviate = rng.chance(e.streetAbbreviation);
    const type = abbreviate ? rng.pick(a.streetType.abbreviations) : a.streetType.name;
    let street = `${type} ${abbreviate ? abbreviateWords(a.streetName) : a.streetName}`;
    if (rng.chance(e.typo)) street = typo(rng, street);
    const merge = a.houseNumber !== '' && rng.chance(source === 'forms' ? 0.8 : source === 'ecommerce' ? 0.5 : source === 'crm' ? 0.3 : 0);
    if (merge) street = `${a.houseNumber}${rng.chance(0.15) ? ',' : ''} ${street}`;
    else row.houseNumber = a.houseNumber;
    row.street = street;
    if (a.addressLine2 && rng.chance(0.85 * (1 - e.missingField))) row.addressLine2 = a.addressLine2;
    this.postalCodeOnly(a, e, row, business);
    if (source === 'erp') row.city = dropAccents(row.city).toUpperCase(); // postal norm: last line in capitals
    if (source === 'crm' && rng.chance(0.5)) row.region = a.commune.region;
    if (source === 'erp') row.country = 'FR';
    else if (source === 'ecommerce') {
      const overseas = OVERSEAS_COUNTRY[a.commune.department];
      row.country = overseas && rng.chance(0.4) ? overseas : 'FR';
    } else if (source === 'crm' && rng.chance(0.6)) row.country = rng.chance(e.cityVariant) ? 'FRANCE' : 'France';
  }

  private postalCodeOnly(a: Address, e: ErrorProbabilities, row: GeneratedRow, business = false): void {
    const rng = this.rng;
    const pc = a.commune.postalCode;
    row.postalCode = pc.startsWith('0') && rng.chance(e.postalCodeLeadingZero) ? pc.slice(1) : pc;
    let city = a.commune.city;
    if (rng.chance(e.cityVariant)) city = cityVariant(rng, city, pc, business);
    if (rng.chance(e.typo)) city = typo(rng, city);
    row.city = city;
  }

  private phone(national: string, source: SourceName, e: ErrorProbabilities): string {
    const format = this.rng.chance(e.phoneFormat) ? this.rng.pick(PHONE_FORMATS) : HOUSE_PHONE_FORMAT[source];
    return formatPhone(national, format);
  }

  private email(address: string, e: ErrorProbabilities): string {
    const rng = this.rng;
    if (!rng.chance(e.typo)) return address;
    const at = address.indexOf('@');
    const local = address.slice(0, at);
    const domain = address.slice(at + 1);
    const typos = EMAIL_DOMAIN_TYPOS[domain];
    if (typos && rng.chance(0.5)) return `${local}@${rng.pick(typos)}`;
    return `${typo(rng, local)}@${domain}`;
  }

  private identifier(digits: string, e: ErrorProbabilities): string {
    let value = this.rng.chance(e.identifierTypo) ? identifierTypo(this.rng, digits) : digits;
    if (this.rng.chance(e.identifierFormat)) value = spacedIdentifier(value);
    return value;
  }

  private placeholder(row: GeneratedRow, organization: boolean): void {
    const rng = this.rng;
    const r = rng.next();
    if (organization && row.siret && r < 0.3) row.siret = PLACEHOLDER_SIRET;
    else if (r < 0.65) row.phone = rng.pick(PLACEHOLDER_PHONES);
    else row.email = rng.pick(PLACEHOLDER_EMAILS);
  }

  /** Record-level noise applied to all text fields: accents dropped, upper case, lower case. */
  private recordLevelNoise(e: ErrorProbabilities, row: GeneratedRow): void {
    const rng = this.rng;
    if (rng.chance(e.dropAccents)) for (const f of TEXT_FIELDS) if (row[f]) row[f] = dropAccents(row[f]);
    if (rng.chance(e.upperCase)) {
      for (const f of TEXT_FIELDS) if (row[f]) row[f] = row[f].toUpperCase();
    } else if (row.kind === 'person' && rng.chance(e.lowerCase)) {
      for (const f of NAME_FIELDS) if (row[f]) row[f] = row[f].toLowerCase();
    }
  }

  private owner(address: Address): string {
    const d = address.commune.department;
    let h = 0;
    for (let i = 0; i < d.length; i++) h = (h * 31 + d.charCodeAt(i)) | 0;
    return this.rng.chance(0.9) ? OWNERS[Math.abs(h) % OWNERS.length] : this.rng.pick(OWNERS);
  }

  private externalId(source: SourceName): string {
    const n = ++this.externalCounters[source];
    switch (source) {
      case 'erp':
        return `C${String(n).padStart(7, '0')}`;
      case 'crm':
        return `0015g00000${base62(n * 7919 + 104729).padStart(8, '0')}`;
      case 'ecommerce':
        return String(100_000 + n);
      case 'forms':
        return `F-${String(n).padStart(8, '0')}`;
    }
  }

  /** ISO timestamp between two epoch days, in business hours. */
  private timestamp(fromDay: number, toDay: number): string {
    const day = fromDay + Math.floor(this.rng.next() * Math.max(1, toDay - fromDay));
    const seconds = 7 * 3600 + Math.floor(this.rng.next() * 13 * 3600);
    return isoTimestamp(day, seconds);
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(n: number): string {
  let out = '';
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
}
