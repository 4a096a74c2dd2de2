import { ageAt, isFutureDate, parseDate } from './date';

const today = new Date('2025-06-15T00:00:00Z');

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05T10:30:00Z', '2024-03-05'],
    ['2024-03-05 10:30', '2024-03-05'],
    ['05/03/2024', '2024-03-05'], // day first, the French way
    ['5/3/2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05 / 03 / 2024', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['5 mars 2024', '2024-03-05'],
    ['5 MARS 2024', '2024-03-05'],
    ['1er mars 2024', '2024-03-01'],
    ['05 févr. 2024', '2024-02-05'],
    ['14 juillet 1789', '1789-07-14'],
    ['25 décembre 1990', '1990-12-25'],
    ['lundi 5 août 2024', '2024-08-05'],
    ['March 5, 2024', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
  ])('%j -> %j', (input, iso) => {
    expect(parseDate(input, today)).toMatchObject({ kind: 'date', iso, twoDigitYear: false });
  });

  it.each([
    ['5/3/24', '2024-03-05'],
    ['05/03/25', '2025-03-05'],
    ['05/03/26', '1926-03-05'], // a two-digit year after this year is read in the last century
    ['12/10/85', '1985-10-12'],
  ])('two-digit year %j -> %j', (input, iso) => {
    expect(parseDate(input, today)).toMatchObject({ kind: 'date', iso, twoDigitYear: true });
  });

  it.each(['31/02/2020', '29/02/2023', '31/04/2024', '2024-13-01', '2024-00-10', '32/01/2024', '0000-05-03'])('%j is impossible', (input) => {
    expect(parseDate(input, today).kind).toBe('impossible');
  });

  it('suggests month-first when the month is out of range but the day is not', () => {
    expect(parseDate('03/25/2024', today)).toEqual({ kind: 'impossible', reason: 'month 25 does not exist', suggestion: '2024-03-25' });
  });

  it.each([
    ['01/01/1900', '1900-01-01'],
    ['1900-01-01', '1900-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['31/12/9999', '9999-12-31'],
  ])('%j is a placeholder date (%s)', (input, iso) => {
    expect(parseDate(input, today)).toEqual({ kind: 'placeholder', iso });
  });

  it.each(['00/00/0000', '0000-00-00', '00000000'])('%j is a placeholder without a date', (input) => {
    expect(parseDate(input, today)).toEqual({ kind: 'placeholder' });
  });

  it.each(['hier', '', '2024', '5 mars', '12/2024', '2024-03-05-01', 'x'.repeat(100)])('%j is not recognized', (input) => {
    expect(parseDate(input, today)).toEqual({ kind: 'unrecognized' });
  });
});

describe('date helpers', () => {
  it.each([
    ['1980-06-15', 45],
    ['1980-06-16', 44],
    ['2025-06-15', 0],
    ['1905-01-01', 120],
  ])('ageAt(%s) -> %i', (iso, age) => {
    expect(ageAt(iso, today)).toBe(age);
  });

  it.each([
    ['2025-06-16', true],
    ['2025-06-15', false],
    ['1990-01-01', false],
  ])('isFutureDate(%s) -> %s', (iso, expected) => {
    expect(isFutureDate(iso, today)).toBe(expected);
  });
});
