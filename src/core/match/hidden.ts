// Matches the reader hid as "not the same story". The matcher is wrong now and then, and a
// wrong match invents differences; the reader's word then overrules it. A hidden pair holds
// both ways: reading either article, the other is left out of its story.

/** One hidden pair; `a` < `b`, so a pair has one form whichever side hid it. */
export interface HiddenPair {
  a: string;
  b: string;
  /** When it was hidden (ms since 1970): the oldest go first when the list is full. */
  at: number;
}

/** Pairs kept at most. Thousands of corrections are years of reading; the list stays small. */
export const MAX_HIDDEN_PAIRS = 5000;

function pair(x: string, y: string, at: number): HiddenPair {
  return x < y ? { a: x, b: y, at } : { a: y, b: x, at };
}

const same = (p: HiddenPair, q: HiddenPair) => p.a === q.a && p.b === q.b;

/**
 * The stored list as it can be trusted: entries that are not a pair of two different ids
 * are dropped (a damaged record costs those entries, not the report), repeats kept once.
 */
export function readHiddenPairs(value: unknown): HiddenPair[] {
  if (!Array.isArray(value)) return [];
  const out: HiddenPair[] = [];
  const seen = new Set<string>();
  for (const e of value as unknown[]) {
    const o = e as Partial<HiddenPair> | null;
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
 * The list with the pair hidden (`hide`) or shown again. Hiding a pair again renews its
 * time; beyond MAX_HIDDEN_PAIRS the oldest are dropped.
 */
export function setHidden(list: HiddenPair[], x: string, y: string, hide: boolean, at: number): HiddenPair[] {
  if (x === y) throw new Error('An article cannot be hidden from itself.');
  const p = pair(x, y, at);
  const rest = list.filter((q) => !same(p, q));
  if (!hide) return rest;
  rest.push(p);
  if (rest.length <= MAX_HIDDEN_PAIRS) return rest;
  return rest.sort((u, v) => u.at - v.at).slice(rest.length - MAX_HIDDEN_PAIRS);
}

/** The articles hidden from `id`'s story, most recently hidden first. */
export function hiddenFrom(list: HiddenPair[], id: string): string[] {
  return list
    .filter((p) => p.a === id || p.b === id)
    .sort((u, v) => v.at - u.at)
    .map((p) => (p.a === id ? p.b : p.a));
}
