import { StepContext, tooLong } from './context';
import { ageAt, isFutureDate, parseDate } from './date';
import { quote } from './findings';

/** Oldest age accepted for a living person's birth date. */
export const MAX_PLAUSIBLE_AGE = 120;

/** Birth date to ISO 8601; impossible, placeholder and implausible dates are kept and reported. */
export function standardizeBirthDate(ctx: StepContext): void {
  const a = ctx.attributes;
  if (a.birthDate === undefined || tooLong(ctx, 'birthDate', a.birthDate)) return;
  const original = a.birthDate;
  const parsed = parseDate(original, ctx.today);
  switch (parsed.kind) {
    case 'placeholder':
      if (parsed.iso !== undefined) a.birthDate = parsed.iso;
      ctx.findings.add('PLACEHOLDER_VALUE', 'birthDate', `birth date ${quote(original)} is a placeholder`);
      return;
    case 'impossible':
      ctx.findings.add('DATE_INVALID', 'birthDate', `birth date ${quote(original)}: ${parsed.reason}`, parsed.suggestion);
      return;
    case 'unrecognized':
      ctx.findings.add('DATE_INVALID', 'birthDate', `birth date ${quote(original)} is not a recognized date`);
      return;
    case 'date':
      a.birthDate = parsed.iso;
      if (isFutureDate(parsed.iso, ctx.today)) {
        ctx.findings.add('DATE_IMPLAUSIBLE', 'birthDate', `birth date ${parsed.iso} is in the future`);
      } else if (ageAt(parsed.iso, ctx.today) > MAX_PLAUSIBLE_AGE) {
        ctx.findings.add('DATE_IMPLAUSIBLE', 'birthDate', `birth date ${parsed.iso} means an age over ${MAX_PLAUSIBLE_AGE}`);
      }
      if (parsed.twoDigitYear) {
        ctx.findings.add('DATE_AMBIGUOUS', 'birthDate', `birth date ${quote(original)} has a two-digit year; read as ${parsed.year}`);
      }
      return;
  }
}
