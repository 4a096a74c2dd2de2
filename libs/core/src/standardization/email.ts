/**
 * Emails: trimmed, lower-cased, "mailto:" and "Name <…>" wrappers removed. The syntax check is
 * practical (what mail providers accept), not RFC 5322's full grammar.
 */

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function cleanEmail(text: string): string {
  // Each step only shortens the value, so repeating until nothing changes ends, and the result is
  // a fixed point: cleaning it again changes nothing.
  let value = text;
  for (let i = 0; i < 1000; i++) {
    const next = cleanEmailOnce(value);
    if (next === value) break;
    value = next;
  }
  return value;
}

function cleanEmailOnce(text: string): string {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  const value = bracketed ? bracketed[1] : text;
  return value
    .replace(/\s+/g, '')
    .replace(/^mailto:/i, '')
    .replace(/^["'(<]+|["')>;,.]+$/g, '')
    .toLowerCase()
    .normalize('NFC');
}

export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253) return false;
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return false;
  return /^(\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/u.test(labels[labels.length - 1]);
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}

export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at);
}

/** Consumer mail domains common in France: a domain one typo away from one of these is suspect. */
export const KNOWN_EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr', 'live.com',
  'msn.com', 'yahoo.fr', 'yahoo.com', 'ymail.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr',
  'neuf.fr', 'aliceadsl.fr', 'club-internet.fr', 'numericable.fr', 'bbox.fr', 'icloud.com', 'me.com', 'aol.com',
  'aol.fr', 'gmx.fr', 'gmx.com', 'protonmail.com', 'proton.me', 'mail.com', 'noos.fr', 'cegetel.net', '9online.fr',
];

/** Typos that an edit distance does not catch well (wrong top-level domain, mailbox brand on the wrong TLD). */
const EXPLICIT_TYPOS: Record<string, string> = {
  'gmail.fr': 'gmail.com',
  'gmail.co': 'gmail.com',
  'gmail.cm': 'gmail.com',
  'gmail.om': 'gmail.com',
  'laposte.fr': 'laposte.net',
  'laposte.com': 'laposte.net',
  'wanadoo.com': 'wanadoo.fr',
  'orange.com': 'orange.fr',
  'free.com': 'free.fr',
  'sfr.com': 'sfr.fr',
  'hotmail.co': 'hotmail.com',
  'yahoo.co': 'yahoo.com',
  'outlook.co': 'outlook.com',
};

const TLD_TYPOS: Record<string, string> = {
  con: 'com', cmo: 'com', cpm: 'com', vom: 'com', xom: 'com', comm: 'com', coom: 'com', ocm: 'com', om: 'com',
  fe: 'fr', fz: 'fr', rf: 'fr', frr: 'fr', ffr: 'fr', dr: 'fr', gr: 'fr', nte: 'net', ent: 'net', nt: 'net',
};

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), capped for speed. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The domain the author most likely meant, when `domain` looks like a typo of a known consumer domain. */
export function suggestEmailDomain(domain: string): string | undefined {
  if (domain.length > 64 || KNOWN_EMAIL_DOMAINS.includes(domain)) return undefined;
  const explicit = EXPLICIT_TYPOS[domain];
  if (explicit) return explicit;
  const dot = domain.lastIndexOf('.');
  if (dot > 0) {
    const name = domain.slice(0, dot);
    const tld = TLD_TYPOS[domain.slice(dot + 1)];
    if (tld) {
      const fixed = `${name}.${tld}`;
      if (KNOWN_EMAIL_DOMAINS.includes(fixed)) return fixed;
      const alt = KNOWN_EMAIL_DOMAINS.find((d) => d.startsWith(`${name}.`));
      if (alt) return alt;
    }
  }
  const allowed = domain.length >= 10 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const known of KNOWN_EMAIL_DOMAINS) {
    const d = editDistance(domain, known, allowed);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie ? best : undefined;
}

/** Role mailboxes: they reach a team, not a person. */
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'contact', 'contacts', 'info', 'infos', 'information', 'informations', 'accueil', 'compta', 'comptabilite', 'admin',
  'administration', 'administratif', 'sales', 'vente', 'ventes', 'commercial', 'commerciale', 'commerce', 'noreply',
  'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'nepasrepondre', 'ne-pas-repondre', 'support', 'service',
  'serviceclient', 'service-client', 'sav', 'direction', 'secretariat', 'rh', 'recrutement', 'jobs', 'hello',
  'bonjour', 'office', 'bureau', 'facturation', 'factures', 'facture', 'invoice', 'invoices', 'billing', 'achats',
  'achat', 'webmaster', 'postmaster', 'hostmaster', 'abuse', 'marketing', 'communication', 'presse', 'press',
  'reception', 'standard', 'agence', 'magasin', 'boutique', 'devis', 'commandes', 'commande', 'order', 'orders',
  'team', 'equipe', 'mairie', 'courrier', 'general', 'cabinet', 'juridique', 'legal', 'dpo', 'rgpd', 'privacy',
]);

/** True for a role mailbox: "contact@", "compta.paris@", "info+news@". */
export function isRoleMailbox(email: string): boolean {
  const local = emailLocalPart(email).replace(/\+.*$/, '');
  if (ROLE_MAILBOXES.has(local)) return true;
  const first = local.split(/[._-]/)[0];
  return first !== local && ROLE_MAILBOXES.has(first) && local.split(/[._-]/).length <= 2 && !/^[a-z]\./.test(local);
}
