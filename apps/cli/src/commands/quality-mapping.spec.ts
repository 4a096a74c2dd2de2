import { mapRow, parseColumnMap, resolveColumns } from './quality-mapping';

describe('parseColumnMap', () => {
  it('reads comma-separated column=attribute pairs', () => {
    expect(parseColumnMap(['Site name=legalName,Address=street,Zip=postalCode,Phone=phone'])).toEqual([
      { column: 'Site name', attribute: 'legalName' },
      { column: 'Address', attribute: 'street' },
      { column: 'Zip', attribute: 'postalCode' },
      { column: 'Phone', attribute: 'phone' },
    ]);
  });

  it('accepts repeated --map options and several columns for one multi-valued attribute', () => {
    expect(parseColumnMap(['Tel=phone', 'Portable=phone,Mail=email'])).toEqual([
      { column: 'Tel', attribute: 'phone' },
      { column: 'Portable', attribute: 'phone' },
      { column: 'Mail', attribute: 'email' },
    ]);
  });

  it('keeps a comma inside a column name', () => {
    expect(parseColumnMap(['Nom, prénom=fullName,Ville=city'])).toEqual([
      { column: 'Nom, prénom', attribute: 'fullName' },
      { column: 'Ville', attribute: 'city' },
    ]);
  });

  it.each([
    [['Site name=raisonSociale'], '--map: unknown attribute "raisonSociale" (for column "Site name")'],
    [['Phone=telephone,Zip=postalCode'], '--map: unknown attribute "telephone" (for column "Phone")'],
    [['Phone'], '--map: "Phone" is not column=attribute'],
    [['=phone'], '--map: "=phone" is not column=attribute'],
    [['Phone='], '--map: "Phone=" is not column=attribute'],
    [[''], '--map: no column=attribute pair given'],
  ])('%j is rejected', (specs, message) => {
    expect(() => parseColumnMap(specs)).toThrow(message);
  });
});

describe('resolveColumns', () => {
  const headers = ['Id', 'Site name', 'Address', 'Zip', 'Phone'];

  it('matches exact names, then ignoring case and spaces', () => {
    expect(resolveColumns([{ column: 'site NAME ', attribute: 'legalName' }], headers)).toEqual([{ column: 'Site name', attribute: 'legalName' }]);
  });

  it('names the missing column and lists the available ones', () => {
    expect(() => resolveColumns([{ column: 'Fax', attribute: 'phone' }], headers)).toThrow(
      '--map: no column "Fax" in the file; columns are: "Id", "Site name", "Address", "Zip", "Phone"',
    );
  });
});

describe('mapRow', () => {
  it('collects multi-valued attributes, joins repeated text attributes and skips blanks', () => {
    const row = { Tel: '01 45 67 89 10', Portable: '06 12 34 56 78', Adresse1: '12 rue de la Paix', Adresse2: 'Bâtiment B', Ville: '  ', Optin: 'oui' };
    const mappings = parseColumnMap(['Tel=phone,Portable=phone,Adresse1=street,Adresse2=street,Ville=city,Optin=emailOptIn']);
    expect(mapRow(row, mappings)).toEqual({
      phone: ['01 45 67 89 10', '06 12 34 56 78'],
      street: '12 rue de la Paix Bâtiment B',
      emailOptIn: 'oui',
    });
  });
});
