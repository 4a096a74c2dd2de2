import { cleanEmail, editDistance, isRoleMailbox, isValidEmail, suggestEmailDomain } from './email';

describe('cleanEmail', () => {
  it.each([
    ['  Jean.Dupont@Orange.FR ', 'jean.dupont@orange.fr'],
    ['mailto:jean@free.fr', 'jean@free.fr'],
    ['MAILTO:mailto:jean@free.fr', 'jean@free.fr'],
    ['Jean Dupont <jean.dupont@sfr.fr>', 'jean.dupont@sfr.fr'],
    ['<jean@free.fr>', 'jean@free.fr'],
    ['"jean@free.fr"', 'jean@free.fr'],
    ['jean@free.fr;', 'jean@free.fr'],
    ['jean@free.fr.', 'jean@free.fr'],
    ['jean @ free.fr', 'jean@free.fr'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanEmail(input)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  it.each([
    'jean.dupont@orange.fr',
    'jean+news@gmail.com',
    'j.dupont-martin@entreprise.co.uk',
    'contact@xn--caf-dma.fr',
    'contact@café.fr',
    "o'neill@example.ie",
    'a@b.io',
  ])('%j is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    'jean.dupont',
    'jean@',
    '@orange.fr',
    'jean@orange',
    'jean..dupont@orange.fr',
    '.jean@orange.fr',
    'jean.@orange.fr',
    'jean@orange..fr',
    'jean@-orange.fr',
    'jean@orange.f',
    'jean@orange.123',
    'jean dupont@orange.fr',
    'jean@dupont@orange.fr',
    `${'a'.repeat(65)}@orange.fr`,
  ])('%j is invalid', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('suggestEmailDomain', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmal.com', 'gmail.com'],
    ['gnail.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gmail.fr', 'gmail.com'],
    ['hotmial.fr', 'hotmail.fr'],
    ['hotmail.con', 'hotmail.com'],
    ['hotmal.fr', 'hotmail.fr'],
    ['yahou.fr', 'yahoo.fr'],
    ['yaho.fr', 'yahoo.fr'],
    ['yahooo.fr', 'yahoo.fr'],
    ['ornage.fr', 'orange.fr'],
    ['orange.fe', 'orange.fr'],
    ['wanadoo.com', 'wanadoo.fr'],
    ['wanado.fr', 'wanadoo.fr'],
    ['fre.fr', 'free.fr'],
    ['free.rf', 'free.fr'],
    ['laposte.fr', 'laposte.net'],
    ['lapsote.net', 'laposte.net'],
    ['sfr.com', 'sfr.fr'],
    ['outlok.fr', 'outlook.fr'],
  ])('%j -> %j', (domain, expected) => {
    expect(suggestEmailDomain(domain)).toBe(expected);
  });

  it.each(['gmail.com', 'orange.fr', 'free.fr', 'mail.com', 'dupont-sa.fr', 'entreprise.com', 'univ-lyon1.fr', 'live.fr', 'ymail.com'])(
    '%j gets no suggestion',
    (domain) => {
      expect(suggestEmailDomain(domain)).toBeUndefined();
    },
  );
});

describe('isRoleMailbox', () => {
  it.each([
    ['contact@dupont.fr', true],
    ['info@dupont.fr', true],
    ['compta@dupont.fr', true],
    ['commercial@dupont.fr', true],
    ['admin@dupont.fr', true],
    ['noreply@dupont.fr', true],
    ['no-reply@dupont.fr', true],
    ['contact.paris@dupont.fr', true],
    ['info+news@dupont.fr', true],
    ['jean.dupont@dupont.fr', false],
    ['jdupont@gmail.com', false],
    ['contactless@dupont.fr', false],
  ])('%j -> %s', (email, expected) => {
    expect(isRoleMailbox(email)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['gmail', 'gmial', 1],
    ['gmail', 'gmal', 1],
    ['orange', 'orange', 0],
    ['abc', 'xyz', 3],
  ])('%j vs %j -> %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
