// Pairs of articles the reader judged: hidden as "not the same story", or joined as "the same
// story". The matcher is wrong now and then: a wrong match invents differences, a missed one
// hides them; the reader's word then overrules it. A pair holds both ways: reading either
// article, the other is left out of its story (hidden) or put in it (joined). Each list is
// one of these: plain data, stored as it is.

/** One pair; `a` < `b`, so a pair has one form whichever side judged it. */
export interface ReaderPair {
  a: string;
  b: string;
  /** When it was judged (ms since 1970): the oldest go first when the list is full. */
  at: number;
}

/** Pairs kept at most per list. Thousands of corrections are years of reading; a list stays small. */
export const MAX_READER_PAIRS = 5000;

function pair(x: string, y: string, at: number): ReaderPair {
  return x < y ? { a: x, b: y, at } : { a: y, b: x, at };
}

const same = (p: ReaderPair, q: ReaderPair) => p.a === q.a && p.b === q.b;

/**
 * The stored list as it can be trusted: entries that are not a pair of two different ids
 * are dropped (a damaged record costs those entries, not the report), repeats kept once.
 */
export function readPairs(value: unknown): ReaderPair[] {
  if (!Array.isArray(value)) return [];
  const out: ReaderPair[] = [];
  const seen = new Set<string>();
  for (const e of value as unknown[]) {
    const o = e as Partial<ReaderPair> | null;
    if (!o || typeof o.a !== 'string' || typeof o.b !== 'string' || !o.a || !o.b || o.a === o.b) continue;
    const p = pair(o.a, o.b, typeof o.at === 'number' && Number.isFinite(o.at) ? o.at : 0);
    const key = JSON.stringify([p.a, p.b]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * The list with the pairs (x, y) for each y added (`on`) or taken out: one action, so the
 * pairs it adds share one time (a wire copy's group is hidden in one go, and shown again in
 * one go). Adding a pair again renews its time; beyond MAX_READER_PAIRS the oldest are
 * dropped.
 */
export function setPairs(list: ReaderPair[], x: string, ys: string | readonly string[], on: boolean, at: number): ReaderPair[] {
  const ps = [...new Set(typeof ys === 'string' ? [ys] : ys)].map((y) => {
    if (x === y) throw new Error('An article cannot be judged against itself.');
    return pair(x, y, at);
  });
  const rest = list.filter((q) => !ps.some((p) => same(p, q)));
  if (!on) return rest;
  rest.push(...ps);
  if (rest.length <= MAX_READER_PAIRS) return rest;
  return rest.sort((u, v) => u.at - v.at).slice(rest.length - MAX_READER_PAIRS);
}

/**
 * The articles paired with `id`, grouped by the action that paired them (the same time),
 * most recent first.
 */
export function pairGroups(list: ReaderPair[], id: string): string[][] {
  const byTime = new Map<number, string[]>();
  for (const p of [...list].sort((u, v) => v.at - u.at)) {
    if (p.a !== id && p.b !== id) continue;
    const g = byTime.get(p.at) ?? [];
    g.push(p.a === id ? p.b : p.a);
    byTime.set(p.at, g);
  }
  return [...byTime.values()];
}

/** The articles paired with `id`, most recent first. */
export function pairedWith(list: ReaderPair[], id: string): string[] {
  return pairGroups(list, id).flat();
}
