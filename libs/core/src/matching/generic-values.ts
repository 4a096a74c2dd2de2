import { PartyKind } from '../model/attributes';

/**
 * Tells whether a standardized value is a placeholder or shared value that must not drive a match.
 * `kind` is the kind of the record holding it: a role mailbox (contact@dupont.fr) is shared by the
 * colleagues of a contact person, but it is the organization's own address.
 */
export type IsGenericValue = (attribute: string, value: string, kind?: PartyKind) => boolean;

const ROLE_MAILBOXES = new Set([
  'contact', 'info', 'infos', 'information', 'accueil', 'compta', 'comptabilite', 'admin', 'administration', 'sales',
  'vente', 'ventes', 'commercial', 'noreply', 'no-reply', 'support', 'service', 'direction', 'secretariat', 'rh',
  'hello', 'bonjour', 'office', 'mail', 'email', 'test', 'facturation', 'factures', 'invoice', 'invoices', 'webmaster',
]);
/** Free mailbox providers: sharing one says nothing about being the same party. */
export const WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.fr', 'yahoo.com', 'yahoo.fr', 'outlook.com', 'outlook.fr', 'live.com', 'live.fr',
  'msn.com', 'icloud.com', 'me.com', 'aol.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'bbox.fr',
  'gmx.fr', 'gmx.com', 'protonmail.com', 'proton.me', 'numericable.fr', 'club-internet.fr', 'aliceadsl.fr', 'bigpond.com',
]);

/** A role mailbox's local part (contact, info, compta…): the same for every company. */
export function isRoleLocalPart(local: string): boolean {
  return ROLE_MAILBOXES.has(local);
}

/**
 * A role mailbox that identifies an organization: at a domain of its own (contact@dupont.fr), not
 * at a free mailbox provider (contact@gmail.com could be anyone's).
 */
export function isOwnDomainRoleMailbox(email: string): boolean {
  const at = email.indexOf('@');
  return at > 0 && ROLE_MAILBOXES.has(email.slice(0, at)) && !WEBMAIL_DOMAINS.has(email.slice(at + 1)) && !PLACEHOLDER_DOMAINS.has(email.slice(at + 1));
}

const PLACEHOLDER_DOMAINS = new Set(['test.com', 'test.fr', 'example.com', 'example.fr', 'exemple.fr', 'exemple.com', 'email.com', 'mail.com', 'a.com', 'a.fr', 'x.com', 'aucun.fr', 'nomail.com']);

/**
 * The matcher's own generic-value test, used when no standardization library provides one:
 * role mailboxes (except an organization's own: contact@dupont.fr on a company record), placeholder emails, phones and identifiers made of one repeated digit or a run.
 */
export const defaultIsGeneric: IsGenericValue = (attribute, value, kind) => {
  const v = value.trim().toLowerCase();
  switch (attribute) {
    case 'email': {
      const at = v.indexOf('@');
      if (at <= 0) return true;
      if (kind === 'organization' && isOwnDomainRoleMailbox(v)) return false;
      return ROLE_MAILBOXES.has(v.slice(0, at)) || PLACEHOLDER_DOMAINS.has(v.slice(at + 1));
    }
    case 'phone': {
      const digits = v.replace(/\D/g, '');
      const national = digits.slice(-9);
      return digits.length < 6 || /^(\d)\1+$/.test(national) || national === '123456789' || national === '234567890';
    }
    case 'siren':
    case 'siret':
      return /^0+$/.test(v.replace(/\D/g, ''));
    default:
      return v === '' || v === 'test' || v === 'inconnu' || v === 'unknown' || v === 'n/a' || v === 'na' || v === 'xxx';
  }
};
