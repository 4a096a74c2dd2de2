// The review queue: open tasks by priority, then age, with filters by type and assignee.
import { get } from '../api.js';
import { go } from '../app.js';
import { h, mount } from '../dom.js';
import { formatAge, formatPercent, label, t } from '../i18n.js';
import { partyName, sourceBadge } from '../format.js';
import { queueQuery, rememberQueue, reviewFilters } from '../review.js';
import { getSession } from '../session.js';
import { setPageKeys } from '../shortcuts.js';

const TYPES = ['possible-match', 'source-duplicate', 'erp-incomplete'];
const PAGE = 25;

/** The label of one side of a task: the name the API gives, else its values, else `source:id`. */
export function sideName(side) {
  return side?.name ?? side?.displayName ?? partyName(side?.values ?? side?.standardized) ?? (side?.source ? `${side.source}:${side.sourceId}` : '—');
}

export async function renderQueue(page, { params, isCurrent }) {
  const session = getSession();
  const saved = reviewFilters();
  const filters = { type: params.get('type') ?? saved.type ?? '', assignee: params.get('assignee') ?? saved.assignee ?? '' };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const result = await get('/tasks', queueQuery(filters, offset, PAGE));
  if (!isCurrent()) return;
  const ids = result.items.map((task) => task.id);
  rememberQueue(filters, ids);

  const change = (name) => (event) => go('/queue', { ...filters, [name]: event.target.value });
  const typeSelect = h(
    'select',
    { id: 'filter-type', onchange: change('type') },
    h('option', { value: '' }, t('queue.anyType')),
    TYPES.map((type) => h('option', { value: type, selected: filters.type === type }, label('type', type))),
  );
  const assigneeSelect = h(
    'select',
    { id: 'filter-assignee', onchange: change('assignee') },
    h('option', { value: '' }, t('queue.anyone')),
    h('option', { value: session.user.id, selected: filters.assignee === session.user.id }, t('queue.me')),
    h('option', { value: 'none', selected: filters.assignee === 'none' }, t('queue.unassigned')),
  );

  const rows = result.items.map((task) =>
    h(
      'tr',
      { 'data-task-id': task.id, class: 'clickable', onclick: () => go(`/tasks/${task.id}`) },
      h('td', {}, h('a', { href: `#/tasks/${task.id}` }, sideName(task.record)), h('span', { class: 'vs' }, ' ↔ '), sideName(task.candidate)),
      h('td', {}, sourceBadge(task.record?.source), ' ', sourceBadge(task.candidate?.source)),
      h('td', {}, label('type', task.type)),
      h('td', { class: 'num' }, task.probability === null || task.probability === undefined ? '—' : probabilityCell(task.probability)),
      h('td', { title: task.createdAt }, formatAge(task.createdAt)),
      h('td', {}, assigneeName(task) ?? h('span', { class: 'muted' }, '—')),
    ),
  );

  const from = result.total === 0 ? 0 : offset + 1;
  const to = offset + result.items.length;
  mount(
    page,
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, h('h1', {}, t('queue.title')), h('p', { class: 'muted' }, t('queue.intro'))),
      ids.length > 0 && h('button', { type: 'button', class: 'button primary', id: 'start-review', onclick: () => go(`/tasks/${ids[0]}`) }, t('queue.start'), ' ', h('kbd', {}, 'j')),
    ),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'filter-type' }, t('queue.type')),
      typeSelect,
      h('label', { for: 'filter-assignee' }, t('queue.assignee')),
      assigneeSelect,
      h('span', { class: 'muted', 'data-testid': 'queue-total' }, t('queue.total', { n: result.total })),
      h('button', { type: 'button', class: 'button', onclick: () => go('/queue', { ...filters, offset }) }, t('queue.refresh')),
    ),
    result.items.length === 0
      ? h('p', { class: 'empty' }, t('queue.empty'))
      : h(
          'table',
          { class: 'table queue' },
          h('thead', {}, h('tr', {}, ['queue.names', 'queue.sources', 'queue.type', 'queue.probability', 'queue.age', 'queue.assignedTo'].map((key) => h('th', { scope: 'col' }, t(key))))),
          h('tbody', {}, rows),
        ),
    result.total > PAGE &&
      h(
        'nav',
        { class: 'pager', 'aria-label': t('queue.page', { from, to, total: result.total }) },
        h('button', { type: 'button', class: 'button', disabled: offset === 0, onclick: () => go('/queue', { ...filters, offset: Math.max(0, offset - PAGE) }) }, t('queue.previousPage')),
        h('span', {}, t('queue.page', { from, to, total: result.total })),
        h('button', { type: 'button', class: 'button', disabled: to >= result.total, onclick: () => go('/queue', { ...filters, offset: offset + PAGE }) }, t('queue.nextPage')),
      ),
  );
  setPageKeys({ j: () => ids[0] && go(`/tasks/${ids[0]}`) });
}

function probabilityCell(p) {
  const fill = h('span', { class: 'meter-fill' });
  // set through the CSSOM: the page's content security policy forbids inline style attributes
  fill.style.width = `${Math.round(p * 100)}%`;
  return h('span', { class: 'probability' }, h('span', { class: 'meter', 'aria-hidden': 'true' }, fill), formatPercent(p));
}

function assigneeName(task) {
  const a = task.assignee ?? task.assignedTo;
  if (!a) return null;
  return typeof a === 'string' ? a : (a.name ?? a.id);
}
