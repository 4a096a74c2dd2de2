import { EntityFactory } from './entities';
import { generateRows } from './generate';
import {
  callingCodeOf,
  generateLandline,
  generateMobile,
  generateSiren,
  isValidSiren,
  isValidSiret,
  LA_POSTE_SIREN,
  luhnCheckDigit,
  luhnValid,
  siretOf,
  toE164,
  vatNumberOf,
} from './identifiers';
import { Rng } from './prng';
import { COMMUNES } from './data/communes';

describe('Luhn and French identifiers', () => {
  it('checks Luhn on known SIREN/SIRET values', () => {
    expect(luhnValid('732829320')).toBe(true); // a real SIREN
    expect(luhnValid('73282932000074')).toBe(true); // one of its SIRETs
    expect(luhnValid('732829321')).toBe(false);
    expect(luhnValid('12a')).toBe(false);
    expect(luhnCheckDigit('73282932')).toBe('0');
  });

  it('computes the VAT key: FR + (12 + 3 × (SIREN mod 97)) mod 97 + SIREN', () => {
    expect(vatNumberOf('404833048')).toBe('FR83404833048');
    expect(vatNumberOf('732829320')).toBe('FR44732829320');
  });

  it('builds SIRETs that pass Luhn, and La Poste SIRETs whose digit sum is a multiple of 5', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 2000; i++) {
      const siren = generateSiren(rng, i % 10 === 0);
      expect(isValidSiren(siren)).toBe(true);
      expect(siren.startsWith(LA_POSTE_SIREN)).toBe(false);
      const siret = siretOf(siren, 1 + (i % 50));
      expect(siret).toHaveLength(14);
      expect(siret.startsWith(siren)).toBe(true);
      expect(luhnValid(siret)).toBe(true);
    }
    for (let n = 1; n < 200; n++) {
      const siret = siretOf(LA_POSTE_SIREN, n);
      const sum = [...siret].reduce((s, d) => s + Number(d), 0);
      expect(sum % 5).toBe(0);
      expect(isValidSiret(siret)).toBe(true);
    }
    expect(() => siretOf('123456782', 0)).toThrow(RangeError);
  });

  it('gives every clean organization a valid SIREN, Luhn-valid SIRETs (current and former head office) and a correct VAT number', () => {
    const factory = new EntityFactory(new Rng(11));
    const sirens = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const org = factory.organization();
      expect(isValidSiren(org.siren)).toBe(true);
      sirens.add(org.siren);
      const establishments = [...org.establishments, ...(org.formerHeadOffice ? [org.formerHeadOffice] : [])];
      const sirets = new Set<string>();
      for (const e of establishments) {
        expect(e.siret.slice(0, 9)).toBe(org.siren);
        expect(luhnValid(e.siret)).toBe(true);
        sirets.add(e.siret);
      }
      expect(sirets.size).toBe(establishments.length);
      if (org.vatNumber) expect(org.vatNumber).toBe(vatNumberOf(org.siren));
      expect(org.nafCode).toMatch(/^\d\d\.\d\d[A-Z]$/);
    }
    expect(sirens.size).toBe(3000);
  });

  it('writes only Luhn-valid SIRETs, SIRENs and VAT numbers in ERP rows when errors are off', () => {
    let erp = 0;
    for (const row of generateRows({ records: 10_000, seed: 5, errorRate: 0, sources: ['erp'] })) {
      erp++;
      expect(row.kind).toBe('organization');
      expect(isValidSiret(row.siret)).toBe(true);
      if (row.siren) expect(row.siret.startsWith(row.siren)).toBe(true);
      if (row.vatNumber) expect(row.vatNumber).toBe(vatNumberOf(row.siret.slice(0, 9)));
    }
    expect(erp).toBe(10_000);
  });

  it('generates French mobiles (06/07), landlines of the area and overseas numbers with their calling code', () => {
    const rng = new Rng(9);
    const paris = COMMUNES.find((c) => c.postalCode === '75011')!;
    const lyon = COMMUNES.find((c) => c.postalCode === '69003')!;
    const reunion = COMMUNES.find((c) => c.postalCode === '97400')!;
    for (let i = 0; i < 500; i++) {
      expect(generateMobile(rng)).toMatch(/^0[67]\d{8}$/);
      expect(generateMobile(rng)).not.toMatch(/^06(39|9)/);
      expect(generateLandline(rng, paris.phone)).toMatch(/^01[1-9]\d{7}$/);
      expect(generateLandline(rng, lyon.phone)).toMatch(/^04\d{8}$/);
      expect(generateMobile(rng, reunion.phone)).toMatch(/^069[23]\d{6}$/);
      expect(generateLandline(rng, reunion.phone)).toMatch(/^0262\d{6}$/);
    }
    expect(callingCodeOf('0692123456')).toBe('262');
    expect(toE164('0612345678')).toBe('+33612345678');
    expect(toE164('0596123456')).toBe('+596596123456');
  });
});
