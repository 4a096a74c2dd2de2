// Keyboard shortcuts: global ones (? help, q queue, / search, d dashboard) and the ones a page
// registers for itself (the review loop: m, n, s, j, k, r). Keys typed into a field are left alone.
import { h, mount } from './dom.js';
import { t } from './i18n.js';

const GLOBAL = {
  '?': () => document.dispatchEvent(new Event('console:help')),
  q: () => (location.hash = '#/queue'),
  d: () => (location.hash = '#/dashboard'),
  '/': () => {
    location.hash = '#/search';
    setTimeout(() => document.getElementById('search-q')?.focus(), 50);
  },
};

let pageKeys = {};
/** The current page's shortcuts; replaced on every page. */
export function setPageKeys(keys) {
  pageKeys = keys;
}

const isField = (target) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function bindShortcuts() {
  window.addEventListener('hashchange', () => setPageKeys({}));
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && isField(event.target)) {
      event.target.blur();
      return;
    }
    if (isField(event.target) || document.querySelector('dialog[open]')) return;
    const action = pageKeys[event.key] ?? GLOBAL[event.key];
    if (!action) return;
    event.preventDefault();
    action(event);
  });
}

export const SHORTCUTS = [
  ['m', 'help.m'],
  ['n', 'help.n'],
  ['s', 'help.s'],
  ['r', 'help.r'],
  ['j', 'help.j'],
  ['k', 'help.k'],
  ['q', 'help.q'],
  ['/', 'help.slash'],
  ['d', 'help.d'],
  ['?', 'help.question'],
  ['Esc', 'help.escape'],
];

/** The help dialog: every shortcut with what it does. */
export function renderHelp(dialog) {
  mount(
    dialog,
    h('h2', { id: 'help-title' }, t('help.title')),
    h('dl', { class: 'shortcuts' }, SHORTCUTS.map(([key, text]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, t(text))])),
    h('form', { method: 'dialog' }, h('button', { type: 'submit', class: 'button', autofocus: true }, t('help.close'))),
  );
  dialog.showModal();
}
