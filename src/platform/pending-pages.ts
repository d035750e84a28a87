// The feed items whose pages are still to be read (core/feeds/page-queue.ts), in
// storage.local. Every change is a read, a pure update and a write, one at a time, so the
// feeds' queue adding items and the page reader taking them never write over each other.
import browser from 'webextension-polyfill';
import { sanitizePending, type PendingPage } from '../core/feeds/page-queue';

const KEY = 'pendingPages';
let last: Promise<unknown> = Promise.resolve();

export async function loadPending(): Promise<PendingPage[]> {
  const got = await browser.storage.local.get(KEY);
  return sanitizePending((got[KEY] as { pages?: unknown } | undefined)?.pages);
}

/** Applies `change` to the stored list, after every change asked for before it. */
export function updatePending(change: (list: PendingPage[]) => PendingPage[]): Promise<void> {
  const run = last.then(async () => {
    const list = change(await loadPending());
    await browser.storage.local.set({ [KEY]: { schemaVersion: 1, pages: list } });
  });
  last = run.catch(() => undefined);
  return run;
}
