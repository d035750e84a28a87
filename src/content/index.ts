// Content script, injected on demand (activeTab + scripting) into the page being read.
// It only reads: Readability runs on a clone of the document.
import browser from 'webextension-polyfill';
import { extractArticle } from '../extract/extract';
import { findText } from './find-text';
import type { BackgroundToContent } from '../messages';

const FLAG = '__parallaxContent';
const g = globalThis as Record<string, unknown>;

// The script may be injected more than once into the same page; listen only once.
if (!g[FLAG]) {
  g[FLAG] = true;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: keyof BackgroundToContent; payload?: { force?: boolean; sentence?: string } };
    if (m?.type === 'content:extract') {
      try {
        return Promise.resolve(extractArticle(document, location.href, { force: m.payload?.force ?? false }));
      } catch (e) {
        return Promise.resolve({ ok: false, reason: 'error', message: `Extraction failed: ${String(e)}` });
      }
    }
    if (m?.type === 'content:highlight') return Promise.resolve({ found: highlight(m.payload?.sentence ?? '') });
    return undefined;
  });
}

/**
 * Shows a sentence in the page, when the reader asks for it: scrolls to it and marks it
 * with a CSS custom highlight (or, where that API is missing, the selection). Neither
 * changes the page's DOM.
 */
function highlight(sentence: string): boolean {
  const range = findText(document.body, sentence);
  if (!range) return false;
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (registry && HighlightCtor) {
    registry.set('parallax', new HighlightCtor(range));
  } else {
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}
