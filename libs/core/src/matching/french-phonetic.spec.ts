import { frenchPhonetic } from './french-phonetic';

describe('frenchPhonetic', () => {
  it.each([
    ['Lefèvre', 'Lefebvre'], // silent b before v, accents dropped
    ['Dupont', 'Dupond'], // silent final consonant after a nasal vowel
    ['Thomas', 'Tomas'], // th = t, silent final s
    ['Gauthier', 'Gautier'], // au = o, final -er = é
    ['Philippe', 'Filipe'], // ph = f, double letters
    ['Schmitt', 'Schmidt'], // sch = ch, silent final dt
    ['Laurent', 'Lorent'],
    ['Jean', 'Jehan'], // silent h
    ['Rousseau', 'Roussot'], // eau = o, silent final t
    ['Christophe', 'Kristof'], // chr = kr
  ])('%s sounds like %s', (a, b) => {
    expect(frenchPhonetic(a)).toBe(frenchPhonetic(b));
  });

  it.each([
    ['Dupont', 'Durand'],
    ['Martin', 'Martine'], // the nasal "in" is not the "ine" ending
    ['Guérin', 'Gérin'], // gu is a hard g, ge a soft one
    ['Dubois', 'Dubos'],
  ])('%s does not sound like %s', (a, b) => {
    expect(frenchPhonetic(a)).not.toBe(frenchPhonetic(b));
  });

  it('gives codes for the digits it uses and nothing for a name without letters', () => {
    expect(frenchPhonetic('Dupont')).toBe('DUP2'); // 2 = "on"
    expect(frenchPhonetic('Martin')).toBe('MART3'); // 3 = "in"
    expect(frenchPhonetic('Laurent')).toBe('LOR1'); // 1 = "an/en"
    expect(frenchPhonetic('Chevalier')).toBe('4EVALI'); // 4 = "ch"; final -er reads é, then the final e goes
    expect(frenchPhonetic('—')).toBe('');
  });
});
