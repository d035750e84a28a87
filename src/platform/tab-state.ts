// The last report of each tab, in storage.session: it survives the worker being stopped
// (so reopening the popup is instant) and is gone when the browser closes.
import browser from 'webextension-polyfill';
import type { ReportState } from '../messages';

interface Entry {
  url: string;
  state: ReportState;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number, url: string): Promise<ReportState | null> {
  const got = (await browser.storage.session.get(key(tabId))) as Record<string, Entry | undefined>;
  const e = got[key(tabId)];
  return e && e.url === url ? e.state : null;
}

export async function setTabState(tabId: number, url: string, state: ReportState): Promise<void> {
  try {
    await browser.storage.session.set({ [key(tabId)]: { url, state } satisfies Entry });
  } catch {
    // storage.session has a small quota (10 MB); a report that does not fit is just not cached.
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

export async function forgetAllTabs(): Promise<void> {
  await browser.storage.session.clear();
}
