// Every string of the console is in i18n/fr.json and i18n/en.json (same keys); French by default.
const LANGUAGES = ['fr', 'en'];
const STORAGE_KEY = 'mdm.console.language';
let language = 'fr';
let dictionary = {};
let fallback = {};

async function load(lang) {
  const response = await fetch(`i18n/${lang}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`cannot load the ${lang} dictionary`);
  return response.json();
}

/** Loads the saved language (French if none) and the French dictionary as a fallback. */
export async function initI18n() {
  const saved = localStorage.getItem(STORAGE_KEY);
  fallback = await load('fr');
  await setLanguage(LANGUAGES.includes(saved) ? saved : 'fr');
}

export async function setLanguage(lang) {
  dictionary = lang === 'fr' ? fallback : await load(lang);
  language = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export const currentLanguage = () => language;
export const otherLanguage = () => (language === 'fr' ? 'en' : 'fr');

/** The string for a key, with `{name}` placeholders filled in; the key itself if no dictionary has it. */
export function t(key, params = {}) {
  const text = dictionary[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/** A translated label if the dictionary has one (attributes, rules, types), else the raw name. */
export function label(prefix, name) {
  const key = `${prefix}.${name}`;
  return dictionary[key] ?? fallback[key] ?? name;
}

export const formatNumber = (n, options) => new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', options).format(n);
export const formatPercent = (p) => formatNumber(p, { style: 'percent', maximumFractionDigits: 0 });
export const formatDate = (iso) => new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** "3 hours ago" / "il y a 3 heures". */
export function formatAge(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}
