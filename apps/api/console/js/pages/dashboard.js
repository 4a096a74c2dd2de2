// A few figures for the steward: open tasks by type, golden records, records received per source.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { formatNumber, label, t } from '../i18n.js';
import { sourceBadge } from '../format.js';
import { setPageKeys } from '../shortcuts.js';

/** The engine's figures and the data quality per source, from /dashboard. */
async function loadFigures() {
  const { engine, quality } = await get('/dashboard');
  return {
    openTasks: engine.tasks.open,
    tasksByType: engine.tasks.byType,
    golden: engine.goldenRecords.active,
    merged: engine.goldenRecords.merged,
    records: engine.sourceRecords.total,
    bySource: engine.sourceRecords.bySource,
    deadLetters: engine.deadLetters.total,
    pending: engine.outbox.pending,
    quality: quality.sources,
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
    f.quality.length > 0 &&
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('dashboard.quality')),
        h(
          'table',
          { class: 'table', 'data-testid': 'quality' },
          h('thead', {}, h('tr', {}, ['dashboard.source', 'dashboard.sourceRecords', 'dashboard.withErrors', 'dashboard.findings'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h(
            'tbody',
            {},
            f.quality.map((q) =>
              h(
                'tr',
                {},
                h('td', {}, sourceBadge(q.source)),
                h('td', { class: 'num' }, formatNumber(q.records)),
                h('td', { class: 'num' }, formatNumber(q.recordsWithErrors)),
                h('td', {}, Object.entries(q.findings.bySeverity).map(([severity, n]) => `${label('severity', severity)} : ${formatNumber(n)}`).join(' · ') || '—'),
              ),
            ),
          ),
        ),
      ),
  );
  setPageKeys({});
}
