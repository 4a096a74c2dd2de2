// One task: both records side by side (differences highlighted), the match weights, and the
// decision — merge, not a match, or skip — followed by the next task.
import { get, post } from '../api.js';
import { go, notify, notifyError } from '../app.js';
import { inReadingOrder } from '../attributes.js';
import { h, mount } from '../dom.js';
import { formatAge, formatDate, formatPercent, label, t } from '../i18n.js';
import { sourceBadge, valueText } from '../format.js';
import { nextOf, positionOf, previousOf, skip } from '../review.js';
import { canAct, getSession } from '../session.js';
import { setPageKeys } from '../shortcuts.js';
import { weightsChart } from '../weights-chart.js';
import { sideName } from './queue.js';

const DECIDABLE = ['possible-match', 'source-duplicate'];

/** Rows of the comparison: the API's per-attribute rows when it gives them, else built from both sides' values. */
export function comparisonRows(task) {
  const given = task.comparison ?? task.attributes;
  if (Array.isArray(given)) {
    // when each source last changed its record says nothing about who the customer is
    return given.filter((row) => (row.attribute ?? row.name) !== 'updatedAt').map((row) => {
      const left = row.record ?? row.left;
      const right = row.candidate ?? row.right;
      return { attribute: row.attribute ?? row.name, left, right, differs: row.differs ?? differs(left, right) };
    });
  }
  const left = task.record?.values ?? task.record?.standardized ?? {};
  const right = task.candidate?.values ?? task.candidate?.standardized ?? {};
  return inReadingOrder([...Object.keys(left), ...Object.keys(right)])
    .filter((a) => !['updatedAt'].includes(a))
    .map((attribute) => ({ attribute, left: left[attribute], right: right[attribute], differs: differs(left[attribute], right[attribute]) }));
}

const isEmpty = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
/** Two values differ when both sides have one and they are not the same; a value only one side has is not a conflict. */
const differs = (left, right) => !isEmpty(left) && !isEmpty(right) && valueText(left) !== valueText(right);

export function matchWeights(task) {
  return task.weights ?? task.details?.contributions ?? task.details?.weights ?? [];
}

export async function renderTask(page, { match, isCurrent }) {
  const id = match[1];
  const task = await get(`/tasks/${id}`);
  if (!isCurrent()) return;
  const session = getSession();
  const open = task.status === 'open';
  const decidable = open && DECIDABLE.includes(task.type) && canAct(session);
  const position = positionOf(id);
  const previous = previousOf(id);

  const reason = h('textarea', { id: 'decision-reason', rows: 2, maxlength: 2000, placeholder: t('task.reasonPlaceholder') });
  let busy = false;
  const buttons = [];

  async function decide(decision) {
    if (!decidable || busy) return;
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    try {
      const body = { decision };
      if (reason.value.trim()) body.reason = reason.value.trim();
      await post(`/tasks/${id}/decision`, body);
      notify(decision === 'merge' ? t('task.merged') : t('task.separated'), 'success');
      await goNext();
    } catch (error) {
      notifyError(error);
      busy = false;
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  async function goNext(skipped = false) {
    if (skipped) {
      skip(id);
      notify(t('task.skipped'));
    }
    try {
      const next = await nextOf(id);
      if (next) go(`/tasks/${next}`);
      else {
        notify(t('task.noMore'), 'success');
        go('/queue');
      }
    } catch (error) {
      notifyError(error);
    }
  }

  async function assignToMe() {
    try {
      await post(`/tasks/${id}/assign`, { assignee: session.user.id });
      notify(t('task.assigned'), 'success');
      go(`/tasks/${id}`);
    } catch (error) {
      notifyError(error);
    }
  }

  const button = (text, key, onclick, kind, testid) => {
    const b = h('button', { type: 'button', class: `button ${kind}`, onclick, disabled: kind !== 'skip' && !decidable, 'data-testid': testid, 'aria-keyshortcuts': key }, text, ' ', h('kbd', {}, key));
    buttons.push(b);
    return b;
  };

  const comment = h('textarea', { id: 'comment-text', rows: 2, maxlength: 4000 });
  async function addComment(event) {
    event.preventDefault();
    if (!comment.value.trim()) return;
    try {
      await post(`/tasks/${id}/comments`, { text: comment.value.trim() });
      notify(t('task.commented'), 'success');
      go(`/tasks/${id}`);
    } catch (error) {
      notifyError(error);
    }
  }
  const comments = task.comments ?? [];
  const commentsCard = (comments.length > 0 || canAct(session)) &&
    h(
      'section',
      { class: 'card comments', 'aria-labelledby': 'comments-title' },
      h('h2', { id: 'comments-title' }, t('task.comments')),
      comments.length > 0 && h('ul', {}, comments.map((c) => h('li', {}, h('strong', {}, c.author), ' ', h('span', { class: 'muted small' }, formatDate(c.createdAt)), h('p', {}, c.text)))),
      canAct(session) &&
        h(
          'form',
          { onsubmit: (event) => void addComment(event) },
          h('label', { for: 'comment-text', class: 'visually-hidden' }, t('task.commentLabel')),
          comment,
          h('button', { type: 'submit', class: 'button' }, t('task.addComment')),
        ),
    );

  const rows = comparisonRows(task);
  const weights = matchWeights(task);
  // comparisons neither record has data for weigh nothing: named in one line, not drawn
  const blank = weights.filter((w) => w.level === 'null' && !w.weight);
  const shown = weights.filter((w) => !blank.includes(w));
  const assignee = task.assignee ?? task.assignedTo;
  const side = (which, s) =>
    h(
      'th',
      { scope: 'col' },
      h('span', { class: 'side-title' }, t(which)),
      h('span', { class: 'side-name' }, sideName(s)),
      s?.source && sourceBadge(s.source, s.sourceId),
      s?.goldenId && h('a', { href: `#/golden/${s.goldenId}`, class: 'small' }, t('task.openGolden')),
    );

  mount(
    page,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', {}, label('type', task.type)),
        h(
          'p',
          { class: 'muted' },
          position.n > 0 ? `${t('task.position', position)} · ` : '',
          formatAge(task.createdAt),
          assignee ? ` · ${t('task.assignedTo', { name: typeof assignee === 'string' ? assignee : (assignee.name ?? assignee.id) })}` : '',
        ),
      ),
      h(
        'div',
        { class: 'head-actions' },
        h('a', { href: '#/queue', class: 'button' }, t('task.backToQueue')),
        h('button', { type: 'button', class: 'button', disabled: !previous, onclick: () => previous && go(`/tasks/${previous}`) }, t('task.previous'), ' ', h('kbd', {}, 'k')),
        h('button', { type: 'button', class: 'button', onclick: () => void goNext() }, t('task.next'), ' ', h('kbd', {}, 'j')),
      ),
    ),
    !open && h('p', { class: 'error-box', role: 'status' }, t('task.closed', { status: task.status })),
    h(
      'div',
      { class: 'task-layout' },
      h(
        'div',
        {},
        Array.isArray(task.details?.missing)
          ? h(
              'section',
              { class: 'card', 'aria-labelledby': 'missing-title', 'data-testid': 'missing' },
              h('h2', { id: 'missing-title' }, t('task.missingTitle')),
              h('ul', {}, task.details.missing.map((m) => h('li', {}, label('attr', m)))),
              h('p', { class: 'muted small' }, t('task.missingHelp')),
            )
          : h(
              'section',
              { class: 'card', 'aria-labelledby': 'comparison-title' },
              h('h2', { id: 'comparison-title', class: 'visually-hidden' }, t('task.title')),
              h(
                'table',
                { class: 'table comparison', 'data-testid': 'comparison' },
                h('caption', { class: 'muted' }, t('task.differsLegend')),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('task.attribute')), side('task.record', task.record), side('task.candidate', task.candidate))),
                h(
                  'tbody',
                  {},
                  rows.map((row) =>
                    h(
                      'tr',
                      { class: row.differs ? 'differs' : isEmpty(row.left) || isEmpty(row.right) ? 'one-sided' : 'same', 'data-attribute': row.attribute },
                      h('th', { scope: 'row' }, label('attr', row.attribute), row.differs && h('span', { class: 'visually-hidden' }, ` (${t('task.differs')})`)),
                      h('td', {}, valueText(row.left)),
                      h('td', {}, valueText(row.right)),
                    ),
                  ),
                ),
              ),
            ),
        commentsCard,
      ),
      h(
        'aside',
        { class: 'task-side' },
        h(
          'section',
          { class: 'card decision', 'aria-labelledby': 'decision-title' },
          h('h2', { id: 'decision-title' }, t('task.decision')),
          task.probability !== null && task.probability !== undefined && h('p', { class: 'probability-line', 'data-testid': 'probability' }, t('task.probability', { p: formatPercent(task.probability) })),
          !canAct(session) && h('p', { class: 'muted' }, t('task.readOnly')),
          h('label', { for: 'decision-reason' }, t('task.reason')),
          reason,
          h(
            'div',
            { class: 'decision-buttons' },
            button(t('task.merge'), 'm', () => void decide('merge'), 'merge', 'merge'),
            button(t('task.notAMatch'), 'n', () => void decide('not-a-match'), 'apart', 'not-a-match'),
            button(t('task.skip'), 's', () => void goNext(true), 'skip', 'skip'),
          ),
          open && canAct(session) && !assignee && h('button', { type: 'button', class: 'link', onclick: () => void assignToMe() }, t('task.assignToMe')),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'weights-title' },
          h('h2', { id: 'weights-title' }, t('task.weights')),
          shown.length ? weightsChart(shown) : h('p', { class: 'muted' }, t('task.noWeights')),
          blank.length > 0 && h('p', { class: 'muted small' }, t('task.noData', { names: blank.map((w) => label('attr', w.comparison)).join(', ') })),
          h('p', { class: 'muted small' }, t('task.weightsHelp')),
        ),
      ),
    ),
  );
  setPageKeys({
    m: () => void decide('merge'),
    n: () => void decide('not-a-match'),
    s: () => void goNext(true),
    j: () => void goNext(),
    k: () => previous && go(`/tasks/${previous}`),
    r: () => reason.focus(),
  });
}
