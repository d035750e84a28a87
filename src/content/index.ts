// Content script, injected on demand (activeTab + scripting) into the page being read.
// It only reads: Readability runs on a clone of the document.
import browser from 'webextension-polyfill';
import { extractArticle } from '../extract/extract';
import { findText } from './find-text';
import type { BackgroundToContent } from '../messages';

const KEY = '__parallaxContent';
const g = globalThis as Record<string, unknown>;

// The script is injected again on every request, and after an update of the extension the
// page may keep the old script's globals: a once-only flag would then leave no listener at
// all. So every injection listens, and only the newest one answers.
{
  const token = {};
  g[KEY] = token;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (g[KEY] !== token) return undefined;
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
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  return true;
}
