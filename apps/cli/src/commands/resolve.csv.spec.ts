import { CsvFallback, scanCsv, scanFast, scanWithCsvParse } from './resolve.csv';

const rows = (read: (data: Buffer, columns: string[] | undefined, onRow: (v: (string | undefined)[]) => void) => string[], text: string, columns?: string[]) => {
  const out: (string | undefined)[][] = [];
  const header = read(Buffer.from(text, 'utf8'), columns, (v) => out.push(v));
  return { header, rows: out };
};

describe('fast CSV reader', () => {
  const cases: [string, string][] = [
    ['BOM, CRLF, spaces after commas', '\uFEFFid, name ,city\r\n1, Jean , Paris\r\n2,Marie,Lyon\r\n'],
    ['quoted line breaks and doubled quotes', 'id,name\n1,"de la\r\nfontaine"\n2," say ""hi"" "\n3,""\n'],
    ['accents and other scripts', 'id,name\n1,Lefèvre\n2,Œuvre\n3,東京\n'],
    ['short and long rows, blank lines, no final newline', 'a,b,c\n1,2\n\n   \n1,2,3,4\n5,6,7'],
    ['trailing comma and empty fields', 'a,b,c\n1,,\n,,3\n4,5,\n'],
    ['two columns with one name', 'a,a,b\n1,2,3\n'],
    ['spaces around a quoted field', 'a,b\n "x" , y \n'],
  ];
  it.each(cases)('reads like csv-parse: %s', (_name, text) => {
    expect(rows(scanFast, text)).toEqual(rows(scanWithCsvParse, text));
    expect(rows(scanFast, text, ['b', 'missing', 'a'])).toEqual(rows(scanWithCsvParse, text, ['b', 'missing', 'a']));
  });

  it('gives the values of the columns asked for', () => {
    expect(rows(scanFast, 'id,name,city\n1,"Dupont, Jean",Paris\n')).toEqual({ header: ['id', 'name', 'city'], rows: [['1', 'Dupont, Jean', 'Paris']] });
    expect(rows(scanFast, 'id,name,city\n1,Jean\n', ['city', 'id']).rows).toEqual([[undefined, '1']]);
  });

  it('hands what it does not read like csv-parse over to it, without giving a row twice', () => {
    for (const text of ['a,b\n1,2\nx"y,2\n', 'a,b\n1,2\n"x"y,2\n', 'a,b\r1,2\r', 'a,b\n"open,2\n'])
      expect(() => scanFast(Buffer.from(text), undefined, () => undefined)).toThrow(CsvFallback);
    expect(rows(scanCsv, 'a,b\r1,2\r3,4\r')).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']] });
    // the same errors as csv-parse
    expect(() => scanCsv(Buffer.from('a,b\n1,2\nx"y,2\n'), undefined, () => undefined)).toThrow(/Invalid Opening Quote/i);
  });
});
