import { nationalDigits, normalizePhone, phoneType } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['06.12.34.56.78', 'FR', '+33612345678', 'mobile'],
    ['06-12-34-56-78', 'FR', '+33612345678', 'mobile'],
    ['0612345678', 'FR', '+33612345678', 'mobile'],
    ['+33 6 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['+33 (0)6 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['+33 (0) 1 45 67 89 10', 'FR', '+33145678910', 'fixed'],
    ['0033 6 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['0033612345678', 'FR', '+33612345678', 'mobile'],
    ['+33 06 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    ['07 56 12 34 56', 'FR', '+33756123456', 'mobile'],
    ['01 45 67 89 10', 'FR', '+33145678910', 'fixed'],
    ['04 78 12 34 56', 'FR', '+33478123456', 'fixed'],
    ['09 72 12 34 56', 'FR', '+33972123456', 'voip'],
    ['0800 12 34 56', 'FR', '+33800123456', 'toll-free'],
    ['tél. : 06 12 34 56 78', 'FR', '+33612345678', 'mobile'],
    // Overseas departments dial 0692… nationally but have their own country codes.
    ['0692 12 34 56', 'FR', '+262692123456', 'mobile'], // Réunion
    ['0262 12 34 56', 'FR', '+262262123456', 'fixed'], // Réunion
    ['0690 12 34 56', 'FR', '+590690123456', 'mobile'], // Guadeloupe
    ['0590 12 34 56', 'FR', '+590590123456', 'fixed'], // Guadeloupe
    ['0694 12 34 56', 'FR', '+594694123456', 'mobile'], // Guyane
    ['0594 12 34 56', 'FR', '+594594123456', 'fixed'], // Guyane
    ['0696 12 34 56', 'FR', '+596696123456', 'mobile'], // Martinique
    ['0596 60 12 34', 'FR', '+596596601234', 'fixed'], // Martinique: FR metadata alone would say +33
    ['0639 69 12 34', 'FR', '+262639691234', 'mobile'], // Mayotte
    ['+262 692 12 34 56', 'FR', '+262692123456', 'mobile'],
    ['00262692123456', 'FR', '+262692123456', 'mobile'],
    ['0692123456', 'RE', '+262692123456', 'mobile'],
    ['0612345678', 'RE', '+33612345678', 'mobile'],
    ['0470 12 34 56', 'BE', '+32470123456', 'mobile'],
    ['+41 21 123 45 67', 'FR', '+41211234567', 'fixed'],
    ['021 123 45 67', 'CH', '+41211234567', 'fixed'],
    ['(312) 226-2649', 'US', '+13122262649', 'fixed-or-mobile'],
    ['+44 20 7946 0958', 'FR', '+442079460958', 'fixed'],
    ['+377 93 15 80 00', 'FR', '+37793158000', 'fixed'],
  ])('%j (default %s) -> %s, %s', (input, country, e164, type) => {
    expect(normalizePhone(input, country)).toMatchObject({ value: e164, valid: true, type });
  });

  it.each([
    ['06 12 34 56', 'FR', '06123456'],
    ['06 12 34 56 78 90', 'FR', '061234567890'],
    ['0712345678', 'FR', '0712345678'], // 071 is not allocated
    ['2262649', 'US', '2262649'], // Chicago number without its area code
    ['+33 (0)6 12', 'FR', '+330612'],
    ['appeler le standard', 'FR', 'appeler le standard'],
    ['0000000000', 'FR', '0000000000'],
  ])('%j (default %s) is invalid and kept as %j', (input, country, kept) => {
    expect(normalizePhone(input, country)).toEqual({ value: kept, valid: false, type: 'invalid' });
  });

  it('falls back to FR rules for an unknown default country', () => {
    expect(normalizePhone('0612345678', 'XX').valid).toBe(false);
    expect(normalizePhone('+33612345678', 'XX').value).toBe('+33612345678');
  });
});

describe('phoneType', () => {
  it.each([
    ['+33612345678', 'mobile'],
    ['+33756123456', 'mobile'],
    ['+33145678910', 'fixed'],
    ['+262692123456', 'mobile'],
    ['+262262123456', 'fixed'],
    ['+33800123456', 'toll-free'],
    ['+33892680123', 'premium-rate'],
    ['+13122262649', 'fixed-or-mobile'],
    ['+33000000000', 'invalid'],
    ['0612345678', 'invalid'],
    ['not a phone', 'invalid'],
    ['', 'invalid'],
  ])('%j -> %s', (input, expected) => {
    expect(phoneType(input)).toBe(expected);
  });
});

describe('nationalDigits', () => {
  it.each([
    ['+33612345678', '612345678'],
    ['+262692123456', '692123456'],
    ['06 12', '0612'],
  ])('%j -> %j', (input, expected) => {
    expect(nationalDigits(input)).toBe(expected);
  });
});
