// The review queue: open tasks by priority, then age, with filters by type and assignee, and the
// same action on the tasks a steward ticks (assign to me, not a match, merge: POST /tasks/bulk).
import { get, post } from '../api.js';
import { go, notify, notifyError } from '../app.js';
import { h, mount } from '../dom.js';
import { formatAge, formatPercent, label, t } from '../i18n.js';
import { partyName, sourceBadge } from '../format.js';
import { queueQuery, rememberQueue, reviewFilters } from '../review.js';
import { canAct, getSession } from '../session.js';
import { setPageKeys } from '../shortcuts.js';

const TYPES = ['possible-match', 'source-duplicate', 'erp-incomplete'];
const PAGE = 25;
/** Task types a merge or a "not a match" applies to. */
const PAIRS = ['possible-match', 'source-duplicate'];

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

  const acting = canAct(session);
  const bulk = acting ? bulkActions(result.items, session, () => go('/queue', { ...filters, offset })) : null;
  const rows = result.items.map((task) =>
    h(
      'tr',
      { 'data-task-id': task.id, class: 'clickable', onclick: () => go(`/tasks/${task.id}`) },
      bulk && h('td', { class: 'select', onclick: (event) => event.stopPropagation() }, bulk.checkbox(task)),
      h('td', { class: 'names' }, h('a', { href: `#/tasks/${task.id}` }, sideName(task.record)), h('span', { class: 'vs' }, ' ↔ '), sideName(task.candidate)),
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
    bulk && result.items.length > 0 && bulk.bar,
    result.items.length === 0
      ? h('p', { class: 'empty' }, t('queue.empty'))
      : h(
          'table',
          { class: 'table queue' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              bulk && h('th', { scope: 'col', class: 'select' }, bulk.all),
              ['queue.names', 'queue.sources', 'queue.type', 'queue.probability', 'queue.age', 'queue.assignedTo'].map((key) => h('th', { scope: 'col' }, t(key))),
            ),
          ),
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

/**
 * The ticked tasks of the page and what can be done to all of them at once: assign them to me, or
 * decide "not a match" or "merge" (pairs only, after a second click that confirms). Each task is
 * handled on its own; the answer says how many were done and why the others were refused.
 */
function bulkActions(items, session, reload) {
  const selected = new Set();
  const boxes = [];
  const count = h('span', { class: 'muted', 'data-testid': 'bulk-count' }, t('queue.selected', { n: 0 }));
  const reason = h('input', { type: 'text', id: 'bulk-reason', maxlength: 2000, placeholder: t('task.reasonPlaceholder'), 'aria-label': t('queue.bulkReason') });
  const actions = h('span', { class: 'bulk-actions' });
  const all = h('input', { type: 'checkbox', 'aria-label': t('queue.selectAll'), 'data-testid': 'select-all', onchange: (event) => selectAll(event.target.checked) });
  let busy = false;

  const pairsOnly = () => [...selected].every((id) => PAIRS.includes(items.find((task) => task.id === id)?.type));
  const button = (key, action, testid) =>
    h('button', { type: 'button', class: 'button', 'data-testid': testid, disabled: busy || selected.size === 0 || (action !== 'assign' && !pairsOnly()), onclick: () => ask(action, key) }, t(key));

  function refresh() {
    mount(count, t('queue.selected', { n: selected.size }));
    all.checked = selected.size > 0 && selected.size === items.length;
    all.indeterminate = selected.size > 0 && selected.size < items.length;
    mount(actions, button('task.assignToMe', 'assign', 'bulk-assign'), button('task.notAMatch', 'not-a-match', 'bulk-not-a-match'), button('task.merge', 'merge', 'bulk-merge'));
  }

  function selectAll(on) {
    selected.clear();
    if (on) items.forEach((task) => selected.add(task.id));
    boxes.forEach((box) => (box.checked = on));
    refresh();
  }

  // a decision is asked twice: the second click, on the button that names the count, applies it
  function ask(action, key) {
    if (action === 'assign') return void apply(action);
    mount(
      actions,
      h('button', { type: 'button', class: `button ${action === 'merge' ? 'primary' : 'danger'}`, 'data-testid': 'bulk-confirm', onclick: () => void apply(action) }, t('queue.confirmBulk', { action: t(key), n: selected.size })),
      h('button', { type: 'button', class: 'link', onclick: refresh }, t('queue.cancel')),
    );
  }

  async function apply(action) {
    if (busy || selected.size === 0) return;
    busy = true;
    refresh();
    // in the queue's order, the most urgent first
    const taskIds = items.filter((task) => selected.has(task.id)).map((task) => task.id);
    const body = { taskIds, action };
    if (action === 'assign') body.assignee = session.user.id;
    if (reason.value.trim()) body.reason = reason.value.trim();
    try {
      const { items: results } = await post('/tasks/bulk', body);
      const refused = results.filter((r) => !r.ok);
      const done = results.length - refused.length;
      if (refused.length === 0) notify(t('queue.bulkDone', { n: done }), 'success');
      else {
        const reasons = [...new Set(refused.map((r) => describeRefusal(r)))].join(' ; ');
        notify(t('queue.bulkPartly', { done, refused: refused.length, reasons }), done > 0 ? 'info' : 'error');
      }
      reload();
    } catch (error) {
      notifyError(error);
      busy = false;
      refresh();
    }
  }

  refresh();
  return {
    all,
    bar: h('div', { class: 'bulk', 'data-testid': 'bulk-bar' }, count, reason, actions),
    checkbox(task) {
      const box = h('input', {
        type: 'checkbox',
        'aria-label': t('queue.select', { names: `${sideName(task.record)} ↔ ${sideName(task.candidate)}` }),
        'data-testid': `select-${task.id}`,
        onchange: (event) => {
          if (event.target.checked) selected.add(task.id);
          else selected.delete(task.id);
          refresh();
        },
      });
      boxes.push(box);
      return box;
    },
  };
}

function describeRefusal(result) {
  const key = `error.${result.code}`;
  const text = t(key, { details: result.message ?? '', code: result.code, message: result.message ?? '' });
  return text === key ? result.code : text;
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
