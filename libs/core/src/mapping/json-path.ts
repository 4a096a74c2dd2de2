/**
 * Reads values from a JSON payload with a small path syntax: `a.b.c`, `list[0].x`, `list[*].x`.
 * Returns every value found, in document order; a missing step yields nothing.
 */
export function readPath(payload: unknown, path: string): unknown[] {
  let current: unknown[] = [payload];
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (step.kind === 'key') {
        if (typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step.key)) {
          next.push((value as Record<string, unknown>)[step.key]);
        }
      } else if (Array.isArray(value)) {
        if (step.kind === 'all') next.push(...value);
        else if (step.index < value.length) next.push(value[step.index]);
      }
    }
    current = next;
  }
  return current.filter((value) => value !== undefined);
}

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' };

const STEP = /([^.[\]]+)|\[(\d+|\*)\]/g;

export function parsePath(path: string): Step[] {
  if (!isValidPath(path)) throw new Error(`invalid path "${path}"`);
  const steps: Step[] = [];
  for (const match of path.matchAll(STEP)) {
    if (match[1] !== undefined) steps.push({ kind: 'key', key: match[1] });
    else if (match[2] === '*') steps.push({ kind: 'all' });
    else steps.push({ kind: 'index', index: Number(match[2]) });
  }
  return steps;
}

export function isValidPath(path: string): boolean {
  return /^[^.[\]]+(\.[^.[\]]+|\[(\d+|\*)\])*$/.test(path);
}
