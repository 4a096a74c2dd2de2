import { AttributeName } from '../model/attributes';
import { emailDomain, emailLocalPart, isRoleMailbox } from './email';
import { nationalDigits } from './phone';
import { fold } from './text';

/** Values meaning "unknown" in any text field, folded. */
export const PLACEHOLDER_TEXTS: ReadonlySet<string> = new Set([
  '', 'x', 'xx', 'xxx', 'xxxx', 'xxxxx', 'n a', 'nc', 'n c', 'nr', 'n r', 'nd', 'n d', 'inconnu', 'inconnue', 'unknown',
  'aucun', 'aucune', 'neant', 'none', 'null', 'nil', 'undefined', 'test', 'tests', 'essai', 'non communique',
  'non renseigne', 'a completer', 'a renseigner', 'a definir', 'tbd', 'todo', 'divers', 'vide', 'empty', 'sans',
  'pas de', 'non', 'nom', 'prenom', 'adresse', 'ville', 'societe', 'client', 'clients', 'abc', 'azerty', 'qwerty',
  'aaa', 'zzz', 'asdf', 'foo', 'toto', 'titi', 'tata', 'dummy', 'fake', 'anonyme', 'anonymous', 'npai',
  'adresse inconnue', 'sans adresse', 'sdf', 'client divers', 'clients divers', 'client comptant', 'client passage',
  'client de passage', 'particulier', 'particuliers', 'compte client',
]);

const PLACEHOLDER_EMAIL_DOMAINS = new Set([
  'test.com', 'test.fr', 'example.com', 'example.fr', 'example.org', 'example.net', 'exemple.fr', 'exemple.com',
  'email.com', 'email.fr', 'mail.fr', 'domain.com', 'domaine.fr', 'domaine.com', 'a.com', 'a.fr', 'x.com', 'xx.com',
  'xxx.com', 'xxx.fr', 'aaa.com', 'aaa.fr', 'toto.fr', 'toto.com', 'invalid', 'localhost', 'nomail.com', 'pasdemail.fr',
  'noemail.com', 'sansmail.fr', 'inconnu.fr', 'inconnu.com', 'aucun.fr', 'aucun.com', 'neant.fr', 'rien.fr',
]);
const PLACEHOLDER_EMAIL_LOCALS = new Set([
  'test', 'tests', 'xxx', 'xx', 'x', 'aaa', 'a', 'abc', 'toto', 'nomail', 'no-mail', 'pasdemail', 'pas-de-mail', 'sansmail',
  'inconnu', 'unknown', 'none', 'null', 'nom', 'prenom', 'prenom.nom', 'nom.prenom', 'email', 'mail', 'adresse', 'azerty',
  'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'nepasrepondre', 'ne-pas-repondre', 'fake', 'dummy',
  'aucun', 'aucune', 'neant', 'rien', 'non', 'pas', 'jenaipas', 'na',
]);

/** National numbers that are typed when the real one is unknown. */
const PLACEHOLDER_PHONES = new Set(['123456789', '102030405', '601020304', '987654321', '112233445', '100000000', '600000000', '700000000']);

function isRepetitive(digits: string): boolean {
  return /^(\d)\1+$/.test(digits) || /^(\d\d)\1{3,}$/.test(digits) || /^0?123456789$/.test(digits) || /^0?987654321$/.test(digits);
}

/** A placeholder: a value standing for "unknown" that says nothing about the party. */
export function isPlaceholderValue(attribute: AttributeName, value: string): boolean {
  const folded = fold(value);
  const text = value.trim();
  if (attribute === 'emailOptIn' || attribute === 'smsOptIn') return false;
  if (attribute === 'email') {
    const email = text.toLowerCase();
    if (!email.includes('@')) return PLACEHOLDER_TEXTS.has(folded);
    return PLACEHOLDER_EMAIL_DOMAINS.has(emailDomain(email)) || PLACEHOLDER_EMAIL_LOCALS.has(emailLocalPart(email));
  }
  if (attribute === 'phone') {
    const national = nationalDigits(text);
    if (national === '') return PLACEHOLDER_TEXTS.has(folded);
    const nine = national.replace(/^0+(?=\d{9})/, '').slice(-9);
    return national.length < 4 || isRepetitive(national) || isRepetitive(nine) || isRepetitive(`0${nine}`) || PLACEHOLDER_PHONES.has(nine);
  }
  if (attribute === 'siren' || attribute === 'siret' || attribute === 'vatNumber') {
    const digits = text.replace(/\D+/g, '');
    if (digits === '') return PLACEHOLDER_TEXTS.has(folded);
    return (digits.length >= 5 && /^(\d)\1+$/.test(digits)) || digits === '123456789' || digits === '12345678901234' || /^\d\d(\d)\1{8}$/.test(digits);
  }
  if (attribute === 'birthDate') {
    return PLACEHOLDER_DATE.test(text) || PLACEHOLDER_TEXTS.has(folded);
  }
  if (attribute === 'postalCode') return /^(0{5}|9{5}|12345)$/.test(text.replace(/\s+/g, '')) || PLACEHOLDER_TEXTS.has(folded);
  return PLACEHOLDER_TEXTS.has(folded) || /^(\p{L})\1{2,}$/u.test(folded.replace(/\s+/g, ''));
}

const PLACEHOLDER_DATE =
  /^(1900-01-01|1899-12-3[01]|9999-12-31|9999-01-01|2999-12-31|1901-01-01|1800-01-01|0000-00-00|0{1,2}[/.-]0{1,2}[/.-]0{2,4}|0?1[/.-]0?1[/.-]1900)$/;

/** A number shared by a whole company: national number ending in 0000 or 00 00 (switchboard). */
export function isSwitchboardNumber(value: string): boolean {
  const national = nationalDigits(value);
  return national.length >= 8 && /0000$/.test(national);
}

/**
 * Values that must not drive a match: placeholders, role mailboxes (contact@, compta@…), shared
 * switchboard numbers, all-zero identifiers. Takes a standardized value.
 */
export function isGenericValue(attribute: AttributeName, standardizedValue: string): boolean {
  if (isPlaceholderValue(attribute, standardizedValue)) return true;
  if (attribute === 'email') return isRoleMailbox(standardizedValue.trim().toLowerCase());
  if (attribute === 'phone') return isSwitchboardNumber(standardizedValue);
  return false;
}
