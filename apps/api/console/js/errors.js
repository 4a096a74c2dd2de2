// API error codes in plain language.
import { t } from './i18n.js';

/** The message a steward reads for an error thrown by the API client (or anything else). */
export function describeError(error) {
  const code = error?.code;
  if (!code) return t('error.unknown', { code: 'ERROR', message: error?.message ?? String(error) });
  const details = (error.details ?? []).map((d) => d.message).join(' ; ') || error.message;
  const key = `error.${code}`;
  const text = t(key, { details, errorId: error.errorId ?? '?', code, message: error.message });
  return text === key ? t('error.unknown', { code, message: error.message }) : text;
}
