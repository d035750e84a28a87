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
 * The list with the pairs (x, y) for each y hidden (`hide`) or shown again: one action, so
 * the pairs it hides share one time (a wire copy's group is hidden in one go, and shown again
 * in one go). Hiding a pair again renews its time; beyond MAX_HIDDEN_PAIRS the oldest are
 * dropped.
 */
export function setHidden(list: HiddenPair[], x: string, ys: string | readonly string[], hide: boolean, at: number): HiddenPair[] {
  const ps = [...new Set(typeof ys === 'string' ? [ys] : ys)].map((y) => {
    if (x === y) throw new Error('An article cannot be hidden from itself.');
    return pair(x, y, at);
  });
  const rest = list.filter((q) => !ps.some((p) => same(p, q)));
  if (!hide) return rest;
  rest.push(...ps);
  if (rest.length <= MAX_HIDDEN_PAIRS) return rest;
  return rest.sort((u, v) => u.at - v.at).slice(rest.length - MAX_HIDDEN_PAIRS);
}

/**
 * The articles hidden from `id`'s story, grouped by the action that hid them (the same time),
 * most recently hidden first.
 */
export function hiddenGroups(list: HiddenPair[], id: string): string[][] {
  const byTime = new Map<number, string[]>();
  for (const p of [...list].sort((u, v) => v.at - u.at)) {
    if (p.a !== id && p.b !== id) continue;
    const g = byTime.get(p.at) ?? [];
    g.push(p.a === id ? p.b : p.a);
    byTime.set(p.at, g);
  }
  return [...byTime.values()];
}

/** The articles hidden from `id`'s story, most recently hidden first. */
export function hiddenFrom(list: HiddenPair[], id: string): string[] {
  return hiddenGroups(list, id).flat();
}
