// Search of golden records by name, email, phone or identifier.
import { get } from '../api.js';
import { go } from '../app.js';
import { h, mount } from '../dom.js';
import { label, t } from '../i18n.js';
import { shortId, sourceBadge, valueText } from '../format.js';
import { setPageKeys } from '../shortcuts.js';

export async function renderSearch(page, { params, isCurrent }) {
  const q = (params.get('q') ?? '').trim();
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', value: q, placeholder: t('search.placeholder'), autocomplete: 'off' });
  const form = h(
    'form',
    {
      role: 'search',
      class: 'search-form',
      onsubmit: (event) => {
        event.preventDefault();
        go('/search', { q: input.value.trim() });
      },
    },
    h('label', { for: 'search-q', class: 'visually-hidden' }, t('search.label')),
    input,
    h('button', { type: 'submit', class: 'button primary' }, t('search.submit')),
  );
  const results = h('div', { 'data-testid': 'search-results' });
  mount(page, h('h1', {}, t('search.title')), form, results);
  setPageKeys({});
  if (q.length < 2) {
    mount(results, h('p', { class: 'muted' }, t('search.hint')));
    input.focus();
    return;
  }
  const answer = await get('/golden-records/search', { q, limit: 50 });
  if (!isCurrent()) return;
  const items = answer.items ?? [];
  mount(
    results,
    h('p', { class: 'muted' }, t('search.results', { n: answer.total ?? items.length })),
    items.length === 0
      ? h('p', { class: 'empty' }, t('search.empty'))
      : h(
          'ul',
          { class: 'results' },
          items.map((item) => {
            return h(
              'li',
              {},
              h('a', { href: `#/golden/${item.id}` }, item.displayName ?? shortId(item.id)),
              ' ',
              h('span', { class: 'muted small' }, [label('golden.kind', item.kind), item.email, item.phone, item.city, item.siren].filter(Boolean).map(valueText).join(' · ')),
              ' ',
              [...new Set(item.sources.map((r) => r.source))].map((source) => sourceBadge(source)),
            );
          }),
        ),
  );
}
