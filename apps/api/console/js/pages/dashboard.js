// A few figures for the steward: open tasks by type, golden records, records received per source.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { formatNumber, label, t } from '../i18n.js';
import { sourceBadge } from '../format.js';
import { setPageKeys } from '../shortcuts.js';

/** /dashboard when the API has it, else /stats; both read as the same figures. */
async function loadFigures() {
  let data;
  try {
    data = await get('/dashboard');
  } catch (error) {
    if (error.code !== 'NOT_FOUND') throw error;
    data = await get('/stats');
  }
  const stats = data.stats ?? data;
  return {
    openTasks: stats.tasks?.open ?? stats.openTasks ?? 0,
    tasksByType: stats.tasks?.byType ?? stats.openTasksByType ?? {},
    golden: stats.goldenRecords?.active ?? 0,
    merged: stats.goldenRecords?.merged ?? 0,
    records: stats.sourceRecords?.total ?? 0,
    bySource: stats.sourceRecords?.bySource ?? {},
    deadLetters: stats.deadLetters?.total ?? 0,
    pending: stats.outbox?.pending ?? 0,
  };
}

export async function renderDashboard(page, { isCurrent }) {
  const f = await loadFigures();
  if (!isCurrent()) return;
  const figure = (key, value, href, testid) =>
    h('div', { class: 'figure card', 'data-testid': testid }, h('span', { class: 'figure-value' }, href ? h('a', { href }, formatNumber(value)) : formatNumber(value)), h('span', { class: 'figure-label' }, t(key)));
  const bars = (entries, labelOf) => {
    const max = Math.max(1, ...entries.map(([, n]) => n));
    return h(
      'ul',
      { class: 'bars' },
      entries.map(([name, n]) => {
        const fill = h('span', { class: 'bar-fill' });
        fill.style.width = `${Math.round((n / max) * 100)}%`;
        return h('li', {}, h('span', { class: 'bar-label' }, labelOf(name)), h('span', { class: 'bar', 'aria-hidden': 'true' }, fill), h('span', { class: 'num' }, formatNumber(n)));
      }),
    );
  };
  mount(
    page,
    h('h1', {}, t('dashboard.title')),
    h(
      'div',
      { class: 'figures' },
      figure('dashboard.openTasks', f.openTasks, '#/queue', 'open-tasks'),
      figure('dashboard.golden', f.golden, null, 'golden'),
      figure('dashboard.merged', f.merged, null, 'merged'),
      figure('dashboard.records', f.records, null, 'records'),
      figure('dashboard.deadLetters', f.deadLetters, null, 'dead-letters'),
      figure('dashboard.pending', f.pending, null, 'pending'),
    ),
    h(
      'div',
      { class: 'two-columns' },
      h('section', { class: 'card' }, h('h2', {}, t('dashboard.byType')), bars(Object.entries(f.tasksByType), (type) => h('a', { href: `#/queue?type=${type}` }, label('type', type)))),
      h('section', { class: 'card' }, h('h2', {}, t('dashboard.bySource')), bars(Object.entries(f.bySource), (source) => sourceBadge(source))),
    ),
  );
  setPageKeys({});
}
