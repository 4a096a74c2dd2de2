import { StepContext, tooLong } from './context';
import { quote } from './findings';
import { isPlaceholderValue } from './generic-values';
import { cleanOrgName, normalizeLegalForm, splitLegalForm } from './organization';
import {
  compactIdentifier,
  frenchVatNumber,
  isFrenchVatFormat,
  isSirenFormat,
  isSiretFormat,
  isValidSiren,
  isValidSiret,
  isVatFormat,
  normalizeNaf,
  vatKey,
} from './siren';

function standardizeLegalName(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.legalForm !== undefined && !tooLong(ctx, 'legalForm', a.legalForm)) {
    const form = normalizeLegalForm(a.legalForm);
    if (form) a.legalForm = form;
    else ctx.findings.add('LEGAL_FORM_UNKNOWN', 'legalForm', `legal form ${quote(a.legalForm)} is not a recognized French legal form`);
  }
  if (a.tradeName !== undefined && !tooLong(ctx, 'tradeName', a.tradeName)) a.tradeName = cleanOrgName(a.tradeName);
  if (a.legalName === undefined || tooLong(ctx, 'legalName', a.legalName)) return;
  const original = cleanOrgName(a.legalName);
  const split = splitLegalForm(original);
  a.legalName = split.name;
  if (split.forms.length === 0) return;
  if (a.legalForm === undefined) {
    a.legalForm = split.forms[0];
    ctx.findings.add('LEGAL_FORM_EXTRACTED', 'legalName', `legal form ${split.forms[0]} taken out of ${quote(original)}`);
  } else if (split.forms.some((f) => f !== a.legalForm)) {
    ctx.findings.add('LEGAL_FORM_CONFLICT', 'legalName', `${quote(original)} says ${split.forms.join(', ')} but legalForm is ${a.legalForm}; legalForm kept`);
  }
}

function standardizeSiret(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.siret === undefined || tooLong(ctx, 'siret', a.siret)) return;
  a.siret = compactIdentifier(a.siret);
  if (isPlaceholderValue('siret', a.siret)) ctx.findings.add('PLACEHOLDER_VALUE', 'siret', `SIRET ${quote(a.siret)} is a placeholder`);
  else if (!isSiretFormat(a.siret)) ctx.findings.add('SIRET_FORMAT', 'siret', `SIRET ${quote(a.siret)} is not 14 digits`);
  else if (!isValidSiret(a.siret)) ctx.findings.add('SIRET_CHECKSUM', 'siret', `SIRET ${a.siret} fails its checksum`);
}

function standardizeSiren(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.siren !== undefined && !tooLong(ctx, 'siren', a.siren)) {
    a.siren = compactIdentifier(a.siren);
    if (isPlaceholderValue('siren', a.siren)) ctx.findings.add('PLACEHOLDER_VALUE', 'siren', `SIREN ${quote(a.siren)} is a placeholder`);
    else if (!isSirenFormat(a.siren)) ctx.findings.add('SIREN_FORMAT', 'siren', `SIREN ${quote(a.siren)} is not 9 digits`);
    else if (!isValidSiren(a.siren)) ctx.findings.add('SIREN_CHECKSUM', 'siren', `SIREN ${a.siren} fails its checksum`);
  }
  const siret = a.siret;
  if (siret === undefined || !isSiretFormat(siret) || isPlaceholderValue('siret', siret)) return;
  const fromSiret = siret.slice(0, 9);
  if (a.siren === undefined) {
    if (isValidSiren(fromSiret)) {
      a.siren = fromSiret;
      ctx.findings.add('SIREN_DERIVED', 'siren', `SIREN ${fromSiret} taken from SIRET ${siret}`);
    }
  } else if (isSirenFormat(a.siren) && a.siren !== fromSiret) {
    ctx.findings.add('SIRET_SIREN_MISMATCH', 'siret', `SIRET ${siret} does not belong to SIREN ${a.siren}`);
  }
}

function standardizeVat(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.vatNumber === undefined) {
    if (a.siren !== undefined && isValidSiren(a.siren) && !isPlaceholderValue('siren', a.siren) && ctx.country === 'FR') {
      a.vatNumber = frenchVatNumber(a.siren);
      ctx.findings.add('VAT_COMPUTED', 'vatNumber', `VAT number ${a.vatNumber} computed from SIREN ${a.siren}`);
    }
    return;
  }
  if (tooLong(ctx, 'vatNumber', a.vatNumber)) return;
  const vat = compactIdentifier(a.vatNumber);
  a.vatNumber = vat;
  if (isPlaceholderValue('vatNumber', vat)) {
    ctx.findings.add('PLACEHOLDER_VALUE', 'vatNumber', `VAT number ${quote(vat)} is a placeholder`);
    return;
  }
  if (!vat.startsWith('FR')) {
    if (!isVatFormat(vat)) ctx.findings.add('VAT_INVALID', 'vatNumber', `VAT number ${quote(vat)} is not an EU VAT number`);
    return;
  }
  if (!isFrenchVatFormat(vat)) {
    ctx.findings.add('VAT_INVALID', 'vatNumber', `VAT number ${quote(vat)} is not FR + 2-character key + 9-digit SIREN`);
    return;
  }
  const embedded = vat.slice(4);
  const key = vat.slice(2, 4);
  if (!isValidSiren(embedded)) {
    ctx.findings.add('VAT_INVALID', 'vatNumber', `VAT number ${vat} holds SIREN ${embedded}, which fails its checksum`);
  } else if (/^\d\d$/.test(key) && key !== vatKey(embedded)) {
    ctx.findings.add('VAT_MISMATCH', 'vatNumber', `VAT number ${vat}: the key of SIREN ${embedded} is ${vatKey(embedded)}, not ${key}`, frenchVatNumber(embedded));
  }
  if (a.siren !== undefined && isSirenFormat(a.siren) && embedded !== a.siren) {
    ctx.findings.add('VAT_MISMATCH', 'vatNumber', `VAT number ${vat} is not the one of SIREN ${a.siren}`, isValidSiren(a.siren) ? frenchVatNumber(a.siren) : undefined);
  }
}

function standardizeNaf(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.nafCode === undefined || tooLong(ctx, 'nafCode', a.nafCode)) return;
  const naf = normalizeNaf(a.nafCode);
  if (naf) a.nafCode = naf;
  else ctx.findings.add('NAF_INVALID', 'nafCode', `NAF code ${quote(a.nafCode)} is not 4 digits and a letter (62.01Z)`);
}

/** Legal name and form, SIREN, SIRET, VAT number, NAF code. */
export function standardizeOrganization(ctx: StepContext): void {
  standardizeLegalName(ctx);
  standardizeSiret(ctx);
  standardizeSiren(ctx);
  standardizeVat(ctx);
  standardizeNaf(ctx);
}
