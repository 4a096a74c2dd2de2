// The match weight of each comparison as a horizontal bar chart in inline SVG: bars to the right
// bring the two records together, bars to the left set them apart.
import { s } from './dom.js';
import { formatNumber, label, t } from './i18n.js';

const WIDTH = 520;
const ROW = 26;
const LABEL = 150;
const VALUE = 48;

export function weightsChart(weights, id = 'weights') {
  const rows = weights.filter((w) => Number.isFinite(w.weight));
  const positive = Math.max(0, ...rows.map((w) => w.weight));
  const negative = Math.max(0, ...rows.map((w) => -w.weight));
  const span = positive + negative || 1;
  const area = WIDTH - LABEL - VALUE * 2;
  const zero = LABEL + VALUE + (negative / span) * area;
  const scale = area / span;
  const height = rows.length * ROW + 8;
  const total = rows.reduce((sum, w) => sum + w.weight, 0);
  const fmt = (w) => `${w > 0 ? '+' : ''}${formatNumber(w, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
  return s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, class: 'weights-chart', role: 'img', 'aria-labelledby': `${id}-title`, 'data-testid': 'weights-chart' },
    s('title', { id: `${id}-title` }, `${t('task.weights')} — ${t('task.weightsTotal', { w: fmt(total) })}`),
    s('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'axis' }),
    rows.map((w, i) => {
      const y = i * ROW + 4;
      const length = Math.max(1, Math.abs(w.weight) * scale);
      const x = w.weight >= 0 ? zero : zero - length;
      const name = label('attr', w.comparison);
      return s(
        'g',
        { class: w.weight >= 0 ? 'for' : 'against', 'data-comparison': w.comparison },
        s('title', {}, `${name} (${w.level}): ${fmt(w.weight)} — ${w.weight >= 0 ? t('weights.for') : t('weights.against')}`),
        s('text', { x: 0, y: y + 12, class: 'label' }, name),
        s('text', { x: 0, y: y + 22, class: 'level' }, String(w.level ?? '').slice(0, 26)),
        s('rect', { x, y: y + 3, width: length, height: ROW - 10, rx: 2 }),
        s('text', { x: w.weight >= 0 ? x + length + 4 : x - 4, y: y + 15, class: 'value', 'text-anchor': w.weight >= 0 ? 'start' : 'end' }, fmt(w.weight)),
      );
    }),
  );
}
