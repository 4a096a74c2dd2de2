// The review loop: the queue the steward works through (filters and the order last seen), the tasks
// skipped in this session, and how to find the next task to show.
import { get } from './api.js';

const KEY = 'mdm.console.review';
const PAGE = 50;

function load() {
  try {
    return { filters: {}, ids: [], skipped: [], ...JSON.parse(sessionStorage.getItem(KEY) ?? '{}') };
  } catch {
    return { filters: {}, ids: [], skipped: [] };
  }
}

function save(state) {
  sessionStorage.setItem(KEY, JSON.stringify(state));
}

export const reviewFilters = () => load().filters;

/** The queue's query for the API, from the steward's filters. */
export function queueQuery(filters, offset = 0, limit = PAGE) {
  const assignee = filters.assignee === 'none' ? { unassigned: true } : { assignee: filters.assignee };
  return { status: 'open', type: filters.type, ...assignee, sort: 'priority', limit, offset };
}

/** Remembers the filters and the order the queue was shown in, for next/previous. */
export function rememberQueue(filters, ids) {
  save({ ...load(), filters, ids });
}

export function skip(id) {
  const state = load();
  if (!state.skipped.includes(id)) state.skipped.push(id);
  save(state);
}

/** The position of a task in the remembered queue (1-based) and the queue's length. */
export function positionOf(id) {
  const { ids } = load();
  return { n: ids.indexOf(id) + 1, total: ids.length };
}

/** The task before this one in the remembered queue, if any. */
export function previousOf(id) {
  const { ids } = load();
  const at = ids.indexOf(id);
  return at > 0 ? ids[at - 1] : null;
}

/**
 * The next open task to review after this one: asks the API for the queue again (decisions change it)
 * and takes the first task after the current one that was not skipped, else the first not skipped.
 */
export async function nextOf(id) {
  const state = load();
  const page = await get('/tasks', queueQuery(state.filters));
  const ids = page.items.map((t) => t.id);
  save({ ...state, ids });
  const open = ids.filter((t) => t !== id && !state.skipped.includes(t));
  const after = state.ids.indexOf(id);
  const following = after >= 0 ? state.ids.slice(after + 1).find((t) => open.includes(t)) : undefined;
  return following ?? open[0] ?? null;
}
