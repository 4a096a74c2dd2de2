import { detectDelimiter, readCsv } from './quality-csv';

describe('readCsv', () => {
  it('handles a BOM, quoted line breaks and quoted delimiters', () => {
    const text = '\uFEFFId,Site name,Address\n1,"Dupont, et Fils","12 rue de la Paix\nBâtiment B"\n2,Martin,3 av Foch\n';
    expect(readCsv(text)).toEqual({
      headers: ['Id', 'Site name', 'Address'],
      rows: [
        { Id: '1', 'Site name': 'Dupont, et Fils', Address: '12 rue de la Paix\nBâtiment B' },
        { Id: '2', 'Site name': 'Martin', Address: '3 av Foch' },
      ],
    });
  });

  it('reads French semicolon files and pads short rows', () => {
    expect(readCsv('Nom;Ville;CP\nDupont;Lyon\n')).toEqual({ headers: ['Nom', 'Ville', 'CP'], rows: [{ Nom: 'Dupont', Ville: 'Lyon', CP: '' }] });
  });

  it('names empty header cells', () => {
    expect(readCsv('Nom,,Ville\na,b,c\n').headers).toEqual(['Nom', 'column 2', 'Ville']);
  });

  it('is empty for an empty file', () => {
    expect(readCsv('')).toEqual({ headers: [], rows: [] });
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\tc', '\t'],
    ['"a;b",c,d', ','],
    ['single', ','],
  ])('detectDelimiter(%j) -> %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
