// Article extraction shared by the content script (live page) and the CLI (jsdom).
// It runs Readability on a clone, so the page the reader sees is never changed.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { MAX_TEXT_CHARS, normaliseDate } from '../core/article';
import type { ArticleInput } from '../core/types';

/** Pages with more elements than this are not parsed: Readability would block the tab for seconds. */
export const MAX_ELEMENTS = 60_000;

export type ExtractResult =
  | { ok: true; article: ArticleInput & { title: string; url: string | null }; paragraphs: string[]; readerable: boolean }
  | { ok: false; reason: 'not-article' | 'too-large'; message: string };

export interface ExtractOptions {
  /** Extract even when isProbablyReaderable says the page is not an article. */
  force?: boolean;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, blockquote, pre, figcaption, td';

export function extractArticle(doc: Document, url: string | null, opts: ExtractOptions = {}): ExtractResult {
  const count = doc.getElementsByTagName('*').length;
  if (count > MAX_ELEMENTS) {
    return { ok: false, reason: 'too-large', message: `This page is too large to analyse (${count} elements).` };
  }
  const readerable = isProbablyReaderable(doc);
  if (!readerable && !opts.force) {
    return { ok: false, reason: 'not-article', message: 'This page does not look like a news article.' };
  }
  const meta = readMeta(doc);
  const clone = doc.cloneNode(true) as Document;
  // serializer returning the element itself lets us read paragraphs as text, with no HTML
  // string ever parsed again.
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: 300 }).parse();
  if (!parsed || !parsed.content) {
    return { ok: false, reason: 'not-article', message: 'No article text was found on this page.' };
  }
  const title0 = (parsed.title || meta.title || doc.title || '').trim();
  const blocks = blockTexts(parsed.content);
  // Readability often keeps the headline as a leading heading: it is the title, not a paragraph.
  const paragraphs = blocks[0]?.heading ? blocks.slice(1).map((b) => b.text) : blocks.map((b) => b.text);
  let text = paragraphs.join('\n\n');
  if (text.trim() === '') text = (parsed.textContent ?? '').trim();
  if (text === '') return { ok: false, reason: 'not-article', message: 'No article text was found on this page.' };
  if (text.length > MAX_TEXT_CHARS) text = text.slice(0, MAX_TEXT_CHARS);
  const title = title0 || (paragraphs[0] ?? '').slice(0, 120);
  return {
    ok: true,
    readerable,
    paragraphs,
    article: {
      title,
      text,
      url,
      source: clean(parsed.siteName) ?? meta.siteName,
      byline: clean(parsed.byline) ?? meta.author,
      published: normaliseDate(parsed.publishedTime) ?? meta.published,
      lang: clean(parsed.lang) ?? clean(doc.documentElement.getAttribute('lang')),
    },
  };
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Text of each block element, leaf-most only, so nested blocks are not repeated. */
function blockTexts(root: Element): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const nodes = root.querySelectorAll(BLOCKS);
  if (nodes.length === 0) {
    const t = clean(root.textContent);
    return t ? [{ text: t, heading: false }] : [];
  }
  for (const el of Array.from(nodes)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = clean(el.textContent);
    if (t) out.push({ text: t, heading: /^H[1-3]$/.test(el.tagName) });
  }
  return out;
}

interface Meta {
  title: string | null;
  siteName: string | null;
  author: string | null;
  published: string | null;
}

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

function readMeta(doc: Document): Meta {
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  return {
    title: metaContent(doc, 'og:title', 'twitter:title'),
    siteName: metaContent(doc, 'og:site_name', 'application-name'),
    author: metaContent(doc, 'author', 'article:author'),
    published:
      normaliseDate(metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date')) ??
      normaliseDate(time),
  };
}
