import { isLifecycle } from '../model/attributes';
import { StepContext, tooLong } from './context';
import { quote } from './findings';

/** "HTTPS://WWW.Dupont.FR/Contact" -> "https://www.dupont.fr/Contact": scheme and host are case-insensitive, the path is not. */
export function normalizeWebsite(text: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)(.*)$/i.exec(text.trim());
  if (!m) return text.trim();
  return `${(m[1] ?? '').toLowerCase()}${m[2].toLowerCase()}${m[3]}`.normalize('NFC');
}

/** Website and lifecycle; the other free-text attributes are only cleaned. */
export function standardizeMisc(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.website !== undefined && !tooLong(ctx, 'website', a.website)) a.website = normalizeWebsite(a.website);
  if (a.lifecycle !== undefined && !tooLong(ctx, 'lifecycle', a.lifecycle)) {
    const lower = a.lifecycle.toLowerCase();
    if (isLifecycle(lower)) a.lifecycle = lower;
    else ctx.findings.add('LIFECYCLE_INVALID', 'lifecycle', `lifecycle ${quote(a.lifecycle)} is not lead, prospect or customer`);
  }
}
