/** Levenshtein distance, for "did you mean" hints. Inputs are short keys and ids. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Beyond this many candidates a suggestion is not worth its cost: each is an edit distance, per message. */
const MAX_CANDIDATES = 2000;

/** The closest candidate within a third of the word's length, if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  let count = 0;
  for (const c of candidates) {
    if (++count > MAX_CANDIDATES) return undefined;
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` (or with another lead, e.g. `. Did you mean…`), or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>, lead = '; '): string {
  const match = closest(word, candidates);
  if (!match) return '';
  return `${lead}${lead.trim() === '.' ? 'Did' : 'did'} you mean "${match}"?`;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
