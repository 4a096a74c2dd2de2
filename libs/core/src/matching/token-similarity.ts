import { jaroWinklerAtLeast } from './jaro-winkler';

/** Two tokens count as the same word when identical or Jaro-Winkler ≥ this (typos in long words). */
const TOKEN_MATCH = 0.92;

/**
 * Token-set similarity for names made of several words (company names, street lines): tokens are
 * paired greedily, each pair counting when identical or nearly so, and the score is the Dice
 * coefficient 2·paired / (|A| + |B|). Word order does not matter ("Dupont Transports" = "Transports
 * Dupont"); an extra word costs less on a long name than on a short one.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * pairedTokens(a, b)) / (a.length + b.length);
}

/**
 * Share of the shorter name's tokens found in the longer one (overlap coefficient): 1 when one name
 * is contained in the other ("St Lucy School" in "Chicago Commons St Lucy School").
 */
export function tokenContainment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return pairedTokens(a, b) / Math.min(a.length, b.length);
}

function pairedTokens(a: readonly string[], b: readonly string[]): number {
  const used = new Uint8Array(b.length);
  let paired = 0;
  for (const token of a) {
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      if (b[j] === token) {
        best = j;
        bestScore = 1;
        break;
      }
      if (token.length >= 4 && b[j].length >= 4) {
        const score = jaroWinklerAtLeast(token, b[j], TOKEN_MATCH);
        if (score >= TOKEN_MATCH && score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
    }
    if (best >= 0) {
      used[best] = 1;
      paired++;
    }
  }
  return paired;
}
