import { ATTRIBUTE_NAMES } from '../model/attributes';

/**
 * One generated source record: ids, the ground-truth entity and every canonical attribute as a
 * string (empty when the source did not fill it). Multi-valued attributes (email, phone) are
 * joined with '|'; booleans are 'true' / 'false'.
 */
export interface GeneratedRow {
  record_id: string;
  source: string;
  entity_id: string;
  kind: 'person' | 'organization';
  [attribute: string]: string;
}

/** Separator of the values of a multi-valued attribute. */
export const MULTI_VALUE_SEPARATOR = '|';

/** Header order: record_id, source, entity_id, kind, then the canonical attributes. */
export const GENERATED_COLUMNS: readonly string[] = Object.freeze(['record_id', 'source', 'entity_id', 'kind', ...ATTRIBUTE_NAMES]);

/** A row with every column present and empty (same key order for every row). */
export function emptyRow(): GeneratedRow {
  return {
    record_id: '',
    source: '',
    entity_id: '',
    kind: 'person',
    civility: '',
    firstName: '',
    lastName: '',
    fullName: '',
    birthDate: '',
    street: '',
    houseNumber: '',
    addressLine2: '',
    postalCode: '',
    city: '',
    region: '',
    country: '',
    legalName: '',
    tradeName: '',
    siren: '',
    siret: '',
    vatNumber: '',
    nafCode: '',
    legalForm: '',
    paymentTerms: '',
    website: '',
    externalId: '',
    lifecycle: '',
    owner: '',
    updatedAt: '',
    email: '',
    phone: '',
    emailOptIn: '',
    smsOptIn: '',
  };
}

/** Joins the values of a multi-valued attribute: empty values dropped, duplicates removed, order kept. */
export function joinValues(values: ReadonlyArray<string | undefined>): string {
  const kept: string[] = [];
  for (const v of values) {
    if (v === undefined || v === '' || kept.includes(v)) continue;
    if (v.includes(MULTI_VALUE_SEPARATOR)) throw new Error(`a value of a multi-valued attribute contains '${MULTI_VALUE_SEPARATOR}': ${v}`);
    kept.push(v);
  }
  return kept.join(MULTI_VALUE_SEPARATOR);
}

/** Splits a multi-valued cell back into its values. */
export function splitValues(cell: string): string[] {
  return cell === '' ? [] : cell.split(MULTI_VALUE_SEPARATOR);
}
