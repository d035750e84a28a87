// Content script, injected on demand (activeTab + scripting) into the page being read.
// It only reads: Readability runs on a clone of the document.
import browser from 'webextension-polyfill';
import { extractArticle } from '../extract/extract';
import type { BackgroundToContent } from '../messages';

const FLAG = '__parallaxContent';
const g = globalThis as Record<string, unknown>;

// The script may be injected more than once into the same page; listen only once.
if (!g[FLAG]) {
  g[FLAG] = true;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: keyof BackgroundToContent; payload?: { force?: boolean } };
    if (m?.type !== 'content:extract') return undefined;
    try {
      return Promise.resolve(extractArticle(document, location.href, { force: m.payload?.force ?? false }));
    } catch (e) {
      return Promise.resolve({ ok: false, reason: 'error', message: `Extraction failed: ${String(e)}` });
    }
  });
}
