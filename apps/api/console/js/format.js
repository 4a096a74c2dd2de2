// How record values and task sides are shown.
import { h } from './dom.js';
import { t } from './i18n.js';

/** A value as text: lists joined, booleans as yes/no, nothing as a dash. */
export function valueText(value) {
  if (value === undefined || value === null || value === '') return t('task.missing');
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : t('task.missing');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The name of a party from its values (person or company). */
export function partyName(values = {}) {
  const person = [values.firstName, values.lastName].filter(Boolean).join(' ');
  return values.legalName || values.tradeName || person || values.fullName || (Array.isArray(values.email) ? values.email[0] : values.email) || null;
}

/** `source:id` as a small badge. */
export const sourceBadge = (source, sourceId) => h('span', { class: `badge source-${String(source).replace(/\W/g, '')}` }, source, sourceId ? h('span', { class: 'badge-id' }, `:${sourceId}`) : null);

export const shortId = (id) => (id ? String(id).slice(0, 8) : '');
