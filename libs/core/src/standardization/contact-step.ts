import { StepContext, tooLong } from './context';
import { quote } from './findings';
import { cleanEmail, emailDomain, emailLocalPart, isRoleMailbox, isValidEmail, suggestEmailDomain } from './email';
import { isPlaceholderValue, isSwitchboardNumber } from './generic-values';
import { normalizePhone } from './phone';

/** A phone typed where an email belongs: only phone characters, at least 8 digits. */
function looksLikePhone(text: string): boolean {
  return /^[+\d\s.\-/()]+$/.test(text) && (text.match(/\d/g) ?? []).length >= 8;
}

/** An email typed where a phone belongs. */
function looksLikeEmail(text: string): boolean {
  return /[^\s@]@[^\s@]+\.[^\s@]/.test(text);
}

/** "a@x.fr; b@y.fr" -> two emails; the words between them ("et", "ou") are dropped. */
function splitEmails(item: string): string[] {
  if ((item.match(/@/g) ?? []).length < 2) return [item];
  const parts = item.split(/[\s;,|]+/).filter((p) => p.includes('@') || looksLikePhone(p));
  return parts.length > 0 ? parts : [item];
}

/** "06 12 34 56 78 / 01 23 45 67 89" -> two numbers, when every piece holds a number of its own. */
function splitPhones(item: string): string[] {
  const parts = item.split(/\s*(?:[;,|\n]|\s\/\s|\sou\s|\set\s)\s*/i).filter((p) => p.trim() !== '');
  if (parts.length < 2 || !parts.every((p) => (p.match(/\d/g) ?? []).length >= 6 || looksLikeEmail(p))) return [item];
  return parts;
}

/** Adds a value once; false when it was already there (its findings were reported then). */
function pushUnique(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

function standardizeEmail(ctx: StepContext, text: string, out: string[]): void {
  if (tooLong(ctx, 'email', text)) {
    pushUnique(out, text);
    return;
  }
  const email = cleanEmail(text);
  if (email === '' || !pushUnique(out, email)) return;
  if (isPlaceholderValue('email', email)) {
    ctx.findings.add('PLACEHOLDER_VALUE', 'email', `email ${quote(email)} is a placeholder`);
  } else if (!isValidEmail(email)) {
    ctx.findings.add('EMAIL_INVALID', 'email', `email ${quote(email)} is not a valid address`);
  } else {
    const domain = emailDomain(email);
    const suggestion = suggestEmailDomain(domain);
    if (suggestion) {
      ctx.findings.add('EMAIL_DOMAIN_TYPO', 'email', `email domain ${quote(domain)} looks like a typo of ${suggestion}`, `${emailLocalPart(email)}@${suggestion}`);
    }
    if (isRoleMailbox(email)) ctx.findings.add('EMAIL_GENERIC', 'email', `email ${quote(email)} is a role mailbox, not a person's`);
  }
}

function standardizePhone(ctx: StepContext, text: string, out: string[]): void {
  if (tooLong(ctx, 'phone', text)) {
    pushUnique(out, text);
    return;
  }
  const phone = normalizePhone(text, ctx.country);
  if (phone.value === '' || !pushUnique(out, phone.value)) return;
  if (isPlaceholderValue('phone', phone.value)) {
    ctx.findings.add('PLACEHOLDER_VALUE', 'phone', `phone ${quote(phone.value)} is a placeholder`);
  } else if (!phone.valid) {
    ctx.findings.add('PHONE_INVALID', 'phone', `phone ${quote(text)} is not a valid number for ${ctx.country}`);
  } else if (isSwitchboardNumber(phone.value)) {
    ctx.findings.add('PHONE_GENERIC', 'phone', `phone ${phone.value} looks like a shared switchboard number`);
  }
}

/**
 * Emails and phones, each list cleaned, split when one field holds several values, de-duplicated,
 * and values typed in the wrong list moved to the right one. Every decision is taken on the form
 * a second pass would see, so that standardizing twice changes nothing.
 */
export function standardizeContacts(ctx: StepContext): void {
  const a = ctx.attributes;
  const emailTexts: string[] = [];
  const phoneTexts: string[] = [];
  const phoneQueue: string[] = [...(a.phone ?? [])];
  const movedToEmail: string[] = [];

  const classifyEmailItem = (item: string, allowMove: boolean): void => {
    for (const part of item.length > 500 ? [item] : splitEmails(item)) {
      const cleaned = part.length > 500 ? part : cleanEmail(part);
      if (!cleaned.includes('@') && looksLikePhone(cleaned)) {
        if (allowMove) {
          ctx.findings.add('PHONE_IN_EMAIL_FIELD', 'email', `${quote(part)} is a phone number in the email field; moved to phone`);
          phoneQueue.push(part);
        } else {
          phoneTexts.push(part);
        }
      } else {
        emailTexts.push(part);
      }
    }
  };

  for (const item of a.email ?? []) classifyEmailItem(item, true);
  for (const item of phoneQueue) {
    for (const part of item.length > 500 ? [item] : splitPhones(item)) {
      if (looksLikeEmail(part) && !looksLikePhone(part)) {
        ctx.findings.add('EMAIL_IN_PHONE_FIELD', 'phone', `${quote(part)} is an email in the phone field; moved to email`);
        movedToEmail.push(part);
      } else {
        phoneTexts.push(part);
      }
    }
  }
  // Emails found among phones may themselves hold several values; phone numbers among them go back, once.
  for (const item of movedToEmail) classifyEmailItem(item, false);

  const emails: string[] = [];
  const phones: string[] = [];
  for (const text of emailTexts) standardizeEmail(ctx, text, emails);
  for (const text of phoneTexts) standardizePhone(ctx, text, phones);
  a.email = emails.length > 0 ? emails : undefined;
  a.phone = phones.length > 0 ? phones : undefined;
}
