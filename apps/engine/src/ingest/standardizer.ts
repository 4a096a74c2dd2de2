import { standardizeRecord, standardizedIsGeneric } from '@mdm/core';
import { Standardizer } from './record-preparation';

/** The French standardization rules of the core library, as ingestion uses them. */
export function frenchStandardizer(defaultCountry: string): Standardizer {
  return {
    defaultCountry,
    standardize: (kind, raw) => standardizeRecord(kind, raw, { defaultCountry }),
    isGeneric: standardizedIsGeneric,
  };
}
