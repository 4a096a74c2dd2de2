// The console's shell: header, routes (in the URL's hash, so the server serves one page), notices,
// keyboard shortcuts and the help dialog.
import { whenUnauthenticated } from './api.js';
import { h, mount } from './dom.js';
import { describeError } from './errors.js';
import { initI18n, otherLanguage, setLanguage, t } from './i18n.js';
import { clearSession, getSession } from './session.js';
import { bindShortcuts, renderHelp } from './shortcuts.js';
import { renderLogin } from './pages/login.js';
import { renderQueue } from './pages/queue.js';
import { renderTask } from './pages/task.js';
import { renderGolden } from './pages/golden.js';
import { renderSearch } from './pages/search.js';
import { renderDashboard } from './pages/dashboard.js';

const ROUTES = [
  { pattern: /^\/login$/, page: renderLogin, anonymous: true },
  { pattern: /^\/queue$/, page: renderQueue, nav: 'queue' },
  { pattern: /^\/tasks\/([\w-]+)$/, page: renderTask, nav: 'queue' },
  { pattern: /^\/golden\/([\w-]+)$/, page: renderGolden, nav: 'search' },
  { pattern: /^\/search$/, page: renderSearch, nav: 'search' },
  { pattern: /^\/dashboard$/, page: renderDashboard, nav: 'dashboard' },
];

/** The current route: path and query of the hash (`#/queue?type=possible-match`). */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/queue';
  const [path, search = ''] = hash.split('?');
  return { path, params: new URLSearchParams(search) };
}

/** Goes to a console route, e.g. `go('/tasks/…')` or `go('/queue', { type })`. */
export function go(path, query = {}) {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  const target = `#${path}${search ? `?${search}` : ''}`;
  if (location.hash === target) void render();
  else location.hash = target;
}

let pending = null;
/** A message shown at the top of the next rendered page (or now), e.g. "Merge recorded." */
export function notify(text, kind = 'info') {
  pending = { text, kind };
  showNotice();
}

function showNotice() {
  const notice = document.getElementById('notice');
  if (!pending) {
    mount(notice);
    return;
  }
  mount(notice, h('p', { class: `notice-${pending.kind}` }, pending.text));
}

/** Shows an error from the API in plain language. */
export function notifyError(error) {
  notify(describeError(error), 'error');
}

function renderChrome(route) {
  const session = getSession();
  const topbar = document.getElementById('topbar');
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  const link = (name, href) => h('a', { href, 'aria-current': route?.nav === name ? 'page' : null }, t(`nav.${name}`));
  mount(
    topbar,
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('div', {}, h('strong', {}, t('app.title')), h('span', {}, t('app.subtitle')))),
    session && h('nav', { 'aria-label': t('nav.main') }, link('queue', '#/queue'), link('search', '#/search'), link('dashboard', '#/dashboard')),
    h(
      'div',
      { class: 'topbar-tools' },
      session && h('span', { class: 'user', 'data-testid': 'user' }, t('nav.signedInAs', { name: session.user.name }), ' · ', session.user.roles.map((r) => t(`role.${r}`)).join(', ')),
      h('button', { type: 'button', class: 'link', onclick: () => document.dispatchEvent(new Event('console:help')), title: t('help.hint') }, t('nav.help'), ' ', h('kbd', {}, '?')),
      h('button', { type: 'button', class: 'link', lang: otherLanguage(), 'aria-label': t('nav.languageLabel'), onclick: () => void setLanguage(otherLanguage()).then(render) }, t('nav.language')),
      session && h('button', { type: 'button', class: 'link', onclick: logout }, t('nav.logout')),
    ),
  );
}

function logout() {
  clearSession();
  notify(t('login.loggedOut'));
  go('/login');
}

let rendering = 0;
/** Renders the page of the current route; a signed-out user goes to the sign-in page. */
export async function render() {
  const ticket = ++rendering;
  const { path, params } = currentRoute();
  const route = ROUTES.find((r) => r.pattern.test(path));
  if (!route) return go('/queue');
  if (!route.anonymous && !getSession()) return go('/login', { next: location.hash.slice(1) });
  renderChrome(route);
  const main = document.getElementById('main');
  const page = h('div', { class: 'page', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('app.loading')));
  mount(main, page);
  const shown = pending;
  showNotice();
  try {
    await route.page(page, { params, match: path.match(route.pattern), isCurrent: () => ticket === rendering });
  } catch (error) {
    if (ticket !== rendering) return;
    mount(page, h('div', { class: 'error-box', role: 'alert' }, describeError(error)));
  }
  page.removeAttribute('aria-busy');
  // a screen reader starts the new page at its top; a page that focused a field of its own keeps it
  if (document.activeElement === document.body || !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  // a notice lives for one page after the one that raised it
  if (pending === shown) pending = null;
}

async function start() {
  await initI18n();
  whenUnauthenticated(() => {
    notify(t('login.expired'), 'error');
    go('/login', { next: location.hash.slice(1) });
  });
  bindShortcuts();
  document.addEventListener('console:help', () => renderHelp(document.getElementById('help')));
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();
