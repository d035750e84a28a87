// The feed items whose pages are still to be read (core/feeds/page-queue.ts), in
// storage.local. Every change is a read, a pure update and a write, one at a time, so the
// feeds' queue adding items and the page reader taking them never write over each other.
import browser from 'webextension-polyfill';
import { sanitizePending, type PendingPage } from '../core/feeds/page-queue';
import { inTurn } from '../core/in-turn';

const KEY = 'pendingPages';
const oneAtATime = inTurn();

export async function loadPending(): Promise<PendingPage[]> {
  const got = await browser.storage.local.get(KEY);
  return sanitizePending((got[KEY] as { pages?: unknown } | undefined)?.pages);
}

/** Calls `show` with the list now and after each change (the options page); returns the unsubscribe. */
export function watchPending(show: (list: PendingPage[]) => void): () => void {
  const changed = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) show(sanitizePending((changes[KEY]!.newValue as { pages?: unknown } | undefined)?.pages));
  };
  browser.storage.onChanged.addListener(changed);
  loadPending().then(show, () => undefined);
  return () => browser.storage.onChanged.removeListener(changed);
}

/** Applies `change` to the stored list, after every change asked for before it. */
export function updatePending(change: (list: PendingPage[]) => PendingPage[]): Promise<void> {
  return oneAtATime(async () => {
    const list = change(await loadPending());
    await browser.storage.local.set({ [KEY]: { schemaVersion: 1, pages: list } });
  });
}
