// Feed items whose pages are still to be read: a list kept in storage, so that a worker
// stopped in the middle, a site that was down or a page that timed out does not leave an
// item as a summary for good. Pure: the worker keeps the list (platform/pending-pages.ts)
// and does the fetching (background/article-pages.ts).
//
// An attempt is counted before the page is fetched, so a page that stops the worker every
// time it is read (too big, too slow) is given up after MAX_ATTEMPTS like any other.

export interface PendingPage {
  /** The article's id in the corpus, and its page. */
  id: string;
  url: string;
  /** The feed that listed it: unsubscribing takes its pages off the list. */
  feed: string;
  /** The stored summary's text hash: a record with another text is no longer the summary. */
  hash: string;
  queuedAt: number;
  /** Attempts started so far, and when the next one may start. */
  attempts: number;
  nextAt: number;
}

/** Items kept waiting at most; the oldest go first beyond it. */
export const MAX_PENDING = 500;
export const MAX_ATTEMPTS = 3;
/** Wait before the second and the third attempt. */
export const RETRY_AFTER_MS = [15 * 60_000, 2 * 3600_000] as const;

/** Adds a feed's items (newest first, as feeds list them) ahead of those already waiting; an item queued again starts afresh. */
export function enqueuePages(list: readonly PendingPage[], feed: string, items: readonly { id: string; url: string; hash: string }[], now: number): PendingPage[] {
  const fresh = new Map<string, PendingPage>();
  for (const it of items) if (!fresh.has(it.id)) fresh.set(it.id, { id: it.id, url: it.url, feed, hash: it.hash, queuedAt: now, attempts: 0, nextAt: now });
  return [...fresh.values(), ...list.filter((p) => !fresh.has(p.id))].slice(0, MAX_PENDING);
}

/**
 * The next `max` pages whose attempt is due, in queue order, and the list without those that
 * used up their attempts (the last one stopped before it could say how it went).
 */
export function duePages(list: readonly PendingPage[], now: number, max: number): { due: PendingPage[]; list: PendingPage[] } {
  const kept = list.filter((p) => p.attempts < MAX_ATTEMPTS);
  return { due: kept.filter((p) => p.nextAt <= now).slice(0, max), list: kept };
}

/** Counts an attempt at `id`, before it is made. */
export function startAttempt(list: readonly PendingPage[], id: string, now: number): PendingPage[] {
  return list.map((p) => {
    if (p.id !== id) return p;
    const attempts = p.attempts + 1;
    return { ...p, attempts, nextAt: now + (RETRY_AFTER_MS[attempts - 1] ?? 0) };
  });
}

/**
 * After an attempt: `done` (read, or nothing to read there) takes the item off the list;
 * `retry` (the site did not answer, or said "later") keeps it for its next attempt, if it has one.
 */
export function settleAttempt(list: readonly PendingPage[], id: string, outcome: 'done' | 'retry'): PendingPage[] {
  return list.filter((p) => p.id !== id || (outcome === 'retry' && p.attempts < MAX_ATTEMPTS));
}

/** The list without the pages of `feed` (unsubscribed). */
export function dropFeedPages(list: readonly PendingPage[], feed: string): PendingPage[] {
  return list.filter((p) => p.feed !== feed);
}

/** The stored list, keeping the entries that make sense (a damaged one is dropped, not fatal). */
export function sanitizePending(value: unknown): PendingPage[] {
  if (!Array.isArray(value)) return [];
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const str = (x: unknown): x is string => typeof x === 'string' && x !== '';
  const out: PendingPage[] = [];
  const seen = new Set<string>();
  for (const p of value as Record<string, unknown>[]) {
    if (!p || !str(p.id) || !str(p.url) || !/^https?:\/\//.test(p.url) || !str(p.feed) || !str(p.hash) || seen.has(p.id)) continue;
    if (!num(p.queuedAt) || !num(p.attempts) || !num(p.nextAt)) continue;
    seen.add(p.id);
    out.push({ id: p.id, url: p.url, feed: p.feed, hash: p.hash, queuedAt: p.queuedAt, attempts: Math.max(0, Math.floor(p.attempts)), nextAt: p.nextAt });
  }
  return out.slice(0, MAX_PENDING);
}
