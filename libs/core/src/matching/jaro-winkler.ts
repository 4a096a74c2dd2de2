// Reused match flags: Jaro-Winkler runs millions of times per batch, so it must not allocate.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity in [0, 1] (1 = identical, 0 = nothing in common). */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const lo = i > window ? i - window : 0;
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const transpositions = halfTranspositions >> 1;
  return (matches / la + matches / lb + (matches - transpositions) / matches) / 3;
}

/**
 * Jaro-Winkler similarity (Winkler 1990): the Jaro score boosted by a common prefix of up to
 * 4 characters (scale 0.1), applied only above 0.7 as in Winkler's original definition.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

const counts = new Int32Array(65536);

/**
 * Jaro-Winkler when it can reach `floor`, else 0. A cheap bound first: the Jaro matches cannot
 * exceed the letters the strings have in common (as multisets), and the prefix boost adds at most
 * 0.4·(1 − jaro); most pairs of unrelated names are rejected without the quadratic scan.
 */
export function jaroWinklerAtLeast(a: string, b: string, floor: number): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  let common = 0;
  for (let i = 0; i < la; i++) counts[a.charCodeAt(i)]++;
  for (let j = 0; j < lb; j++) {
    const c = b.charCodeAt(j);
    if (counts[c] > 0) {
      counts[c]--;
      common++;
    }
  }
  for (let i = 0; i < la; i++) counts[a.charCodeAt(i)] = 0;
  const jaroMax = (common / la + common / lb + 1) / 3;
  if (common === 0 || jaroMax + 0.4 * (1 - jaroMax) < floor) return 0;
  return jaroWinkler(a, b);
}
