// A golden record: its values with their lineage, its source records, history, relationships and
// open tasks; and the split of source records that are not this customer (preview, then confirm).
import { api, get, post } from '../api.js';
import { go, notify, notifyError } from '../app.js';
import { inReadingOrder } from '../attributes.js';
import { h, mount } from '../dom.js';
import { formatDate, label, t } from '../i18n.js';
import { partyName, shortId, sourceBadge, valueText } from '../format.js';
import { canAct, getSession } from '../session.js';
import { setPageKeys } from '../shortcuts.js';

/** The 360° view of a golden record, with its values and lineage as the maps the page reads. */
async function loadView(id) {
  const view = await get(`/golden-records/${id}/view`);
  const attributes = Object.fromEntries(view.values.map((v) => [v.attribute, v.value]));
  const lineage = Object.fromEntries(view.values.map((v) => [v.attribute, v.lineage]));
  return { ...view, golden: { goldenId: view.goldenId, kind: view.kind, status: view.status, version: view.version, displayName: view.displayName, attributes, lineage } };
}

const key = (r) => `${r.source}:${r.sourceId}`;
/** `source:id` → [source, id] (a source name holds no colon). */
const splitRef = (ref) => [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];

export async function renderGolden(page, { match, params, isCurrent }) {
  const view = await loadView(match[1]);
  if (!isCurrent()) return;
  const { golden } = view;
  const id = golden.goldenId;
  const session = getSession();
  const splittable = canAct(session) && golden.status === 'active' && view.sourceRecords.length > 1;
  const picked = new Set();
  const splitPanel = h('section', { class: 'card split', id: 'split-panel', hidden: true, 'aria-labelledby': 'split-title' });
  const reason = h('input', { id: 'split-reason', type: 'text', minlength: 3, maxlength: 2000, placeholder: t('golden.splitReasonPlaceholder') });
  const previewBox = h('div', { class: 'split-preview', 'data-testid': 'split-preview' });
  const confirm = h('button', { type: 'button', class: 'button danger', id: 'split-confirm', disabled: true, onclick: () => void apply() }, t('golden.confirmSplit'));

  async function preview() {
    if (picked.size === 0) return notifyError({ code: 'VALIDATION_FAILED', details: [{ message: t('golden.pickOne') }] });
    try {
      const sourceRecords = [...picked];
      const result = await post(`/golden-records/${id}/unmerge/preview`, { sourceRecords });
      mount(previewBox, resultCard(t('golden.remaining'), result.remaining), resultCard(t('golden.newRecord'), result.split));
      confirm.disabled = false;
    } catch (error) {
      notifyError(error);
    }
  }

  async function apply() {
    confirm.disabled = true;
    try {
      const result = await api('POST', `/golden-records/${id}/unmerge`, { body: { sourceRecords: [...picked], ...stewardOf(session, reason.value.trim()) } });
      notify(t('golden.splitDone'), 'success');
      go(`/golden/${id}`, { split: result.split.goldenId });
    } catch (error) {
      notifyError(error);
      confirm.disabled = false;
    }
  }

  function toggle(record, checked) {
    if (checked) picked.add(key(record));
    else picked.delete(key(record));
    confirm.disabled = true;
    mount(previewBox);
    splitPanel.hidden = picked.size === 0;
  }

  mount(
    splitPanel,
    h('h2', { id: 'split-title' }, t('golden.splitTitle')),
    h('p', { class: 'muted' }, t('golden.splitHelp')),
    h('label', { for: 'split-reason' }, t('golden.splitReason')),
    reason,
    h('div', { class: 'split-actions' }, h('button', { type: 'button', class: 'button', id: 'split-preview', onclick: () => void preview() }, t('golden.preview')), confirm),
    previewBox,
  );

  const attributes = inReadingOrder(Object.keys(golden.attributes ?? {}));
  const splitInto = params.get('split');
  mount(
    page,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', { 'data-testid': 'golden-name' }, golden.displayName ?? partyName(golden.attributes) ?? shortId(id)),
        h('p', { class: 'muted' }, label('golden.kind', golden.kind), ' · ', h('code', {}, id), ` · ${t('golden.version')} ${golden.version}`),
      ),
    ),
    view.redirectedFrom && h('p', { class: 'notice-info' }, t('golden.redirected')),
    golden.status && golden.status !== 'active' && h('p', { class: 'error-box' }, t('golden.notActive', { status: golden.status })),
    splitInto && h('p', { class: 'notice-success', 'data-testid': 'split-done' }, t('golden.splitDone'), ' ', h('a', { href: `#/golden/${splitInto}` }, t('golden.openNew'))),
    h(
      'div',
      { class: 'golden-layout' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'values-title' },
        h('h2', { id: 'values-title' }, t('golden.values')),
        h(
          'table',
          { class: 'table', 'data-testid': 'golden-values' },
          h('thead', {}, h('tr', {}, ['golden.attribute', 'golden.value', 'golden.from', 'golden.rule'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h(
            'tbody',
            {},
            attributes.map((attribute) => {
              const lineage = golden.lineage?.[attribute] ?? [];
              const rules = [...new Set(lineage.map((l) => l.rule))];
              return h(
                'tr',
                { 'data-attribute': attribute },
                h('th', { scope: 'row' }, label('attr', attribute)),
                h('td', {}, valueText(golden.attributes[attribute])),
                h('td', {}, [...new Set(lineage.map((l) => `${l.source}\u0000${l.sourceId}`))].map((k) => sourceBadge(...k.split('\u0000')))),
                h('td', { title: lineage.map((l) => l.reason).filter(Boolean).join('\n') }, rules.map((r) => label('rule', r)).join(', ')),
              );
            }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'golden-side' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'sources-title' },
          h('div', { class: 'card-head' }, h('h2', { id: 'sources-title' }, t('golden.sources')), splittable && h('span', { class: 'muted small' }, t('golden.splitHint'))),
          h(
            'ul',
            { class: 'source-list', 'data-testid': 'source-records' },
            view.sourceRecords.map((record) => {
              const box = h('input', { type: 'checkbox', id: `pick-${key(record)}`, 'data-source-record': key(record), onchange: (event) => toggle(record, event.target.checked) });
              const values = record.standardized ?? record.values ?? record.attributes ?? {};
              return h(
                'li',
                {},
                splittable && box,
                h(
                  'label',
                  { for: splittable ? `pick-${key(record)}` : null },
                  sourceBadge(record.source, record.sourceId),
                  ' ',
                  h('strong', {}, partyName(values) ?? ''),
                  splittable && h('span', { class: 'visually-hidden' }, ` — ${t('golden.splitPick', { source: record.source, id: record.sourceId })}`),
                ),
                h('span', { class: 'muted small' }, [values.email, values.phone, values.postalCode, values.city].flat().filter(Boolean).join(' · ')),
                (record.findings ?? []).length > 0 && h('span', { class: 'small warn' }, `${t('golden.findings')} : ${record.findings.length}`),
              );
            }),
          ),
        ),
        splitPanel,
        view.openTasks.length > 0 &&
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'tasks-title' },
            h('h2', { id: 'tasks-title' }, t('golden.openTasks')),
            h(
              'ul',
              {},
              view.openTasks.map((task) => h('li', {}, h('a', { href: `#/tasks/${task.id}` }, label('type', task.type)))),
            ),
          ),
        (view.decisions ?? []).length > 0 &&
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'decisions-title' },
            h('h2', { id: 'decisions-title' }, t('golden.decisions')),
            h(
              'ul',
              { class: 'decisions', 'data-testid': 'decisions' },
              view.decisions.map((d) =>
                h(
                  'li',
                  {},
                  h('strong', {}, label('decision', d.decision)),
                  ' ',
                  sourceBadge(...splitRef(d.left)),
                  ' ↔ ',
                  sourceBadge(...splitRef(d.right)),
                  h('span', { class: 'muted small' }, ` — ${d.decidedBy}, ${formatDate(d.decidedAt)}`),
                  d.reason && h('p', { class: 'small' }, d.reason),
                ),
              ),
            ),
          ),
        view.relationships.length > 0 &&
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'relationships-title' },
            h('h2', { id: 'relationships-title' }, t('golden.relationships')),
            h(
              'ul',
              {},
              view.relationships.map((r) => {
                const other = r.goldenId ?? r.other?.goldenId ?? r.targetGoldenId;
                return h('li', {}, `${r.role ?? ''} `, other ? h('a', { href: `#/golden/${other}` }, r.name ?? r.other?.name ?? shortId(other)) : '');
              }),
            ),
          ),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, t('golden.history')),
      h(
        'table',
        { class: 'table history' },
        h('thead', {}, h('tr', {}, ['golden.version', 'golden.change', 'golden.changedFields', 'golden.cause', 'golden.when'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h(
          'tbody',
          {},
          [...view.history].reverse().map((entry) =>
            h(
              'tr',
              {},
              h('td', { class: 'num' }, entry.version),
              h('td', {}, entry.change ?? entry.changeType ?? ''),
              h('td', {}, (entry.changedFields ?? []).map((f) => label('attr', f)).join(', ')),
              h('td', {}, causeText(entry.cause)),
              h('td', {}, entry.at ?? entry.recordedAt ? formatDate(entry.at ?? entry.recordedAt) : ''),
            ),
          ),
        ),
      ),
    ),
  );
  setPageKeys({});
}

/** A split names its author and says why. */
function stewardOf(session, reason) {
  return { by: session.user.id, reason };
}

function causeText(cause) {
  if (!cause) return '';
  if (cause.steward) return `${cause.steward}${cause.action ? ` (${cause.action})` : ''}${cause.reason ? ` : ${cause.reason}` : ''}`;
  if (cause.source) return `${cause.source}:${cause.sourceId ?? ''}`;
  return valueText(cause);
}

function resultCard(title, result) {
  const values = result?.values?.attributes ?? result?.values ?? {};
  const sources = result?.values?.sources ?? result?.sources ?? [];
  return h(
    'div',
    { class: 'result-card' },
    h('h3', {}, title),
    h('p', {}, h('strong', {}, partyName(values) ?? '—')),
    h('p', {}, sources.map((r) => sourceBadge(r.source, r.sourceId))),
    h(
      'dl',
      {},
      inReadingOrder(Object.keys(values))
        .filter((a) => values[a] !== undefined && a !== 'updatedAt')
        .slice(0, 8)
        .map((a) => [h('dt', {}, label('attr', a)), h('dd', {}, valueText(values[a]))]),
    ),
  );
}
