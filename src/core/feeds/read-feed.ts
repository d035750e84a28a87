// A subscribed feed (RSS 0.9–2.0, RDF, Atom) as articles for the corpus. Parsing is
// @rowanmanning/feed-parser's (lenient with the broken feeds found in the wild, no DOM);
// turning items into articles is ours. A feed usually carries a summary of each article, and
// some carry the whole text: either way it is what the matcher sees until the reader opens
// the page itself, when the full article replaces it (background/analyse.ts).
import { parseFeed } from '@rowanmanning/feed-parser';
import { normaliseUrl, sourceFromUrl, toArticle } from '../article';
import { hash64 } from '../hash';
import type { Article } from '../types';
import { htmlToText } from './html-text';

/** The newest items kept from one fetch of one feed. */
export const MAX_FEED_ITEMS = 200;
/** A feed larger than this is refused before parsing: it is not a news feed. */
export const MAX_FEED_CHARS = 5_000_000;

export interface FeedRead {
  /** The feed's own name, as it gives it. */
  title: string | null;
  /** The web page the feed is for. */
  site: string | null;
  articles: Article[];
  /** Items left out: no text and no title, or past MAX_FEED_ITEMS. */
  skipped: number;
}

/** Why a feed could not be read, in words for the reader. `links`: feeds a web page points to. */
export class FeedError extends Error {
  constructor(message: string, readonly links: string[] = []) {
    super(message);
    this.name = 'FeedError';
  }
}

/** The error for a feed past MAX_FEED_CHARS: its text here, its bytes while it downloads. */
export function feedTooLarge(): FeedError {
  return new FeedError(`The feed is larger than ${MAX_FEED_CHARS / 1e6} MB; Parallax reads news feeds, not archives.`);
}

/** Reads a fetched feed. Throws FeedError when the body is not a feed (a web page: with the feeds it names). */
export function readFeed(body: string, feedUrl: string): FeedRead {
  if (body.length > MAX_FEED_CHARS) throw feedTooLarge();
  const start = body.replace(/^\uFEFF/, '').trimStart().slice(0, 1000).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    const links = feedLinks(body, feedUrl);
    throw new FeedError(
      links.length > 0 ? `This is a web page, not a feed. It names ${links.length === 1 ? 'a feed' : 'feeds'}: ${links.join(', ')}` : 'This is a web page, not a feed, and it names no feed.',
      links,
    );
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(body);
  } catch {
    throw new FeedError('This is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element could be read).');
  }
  const title = clean(feed.title);
  const site = normaliseUrl(resolve(feed.url, feedUrl));
  const source = outletName(title) ?? sourceFromUrl(site) ?? sourceFromUrl(feedUrl);
  const articles: Article[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    if (articles.length >= MAX_FEED_ITEMS) {
      skipped++;
      continue;
    }
    const url = normaliseUrl(resolve(item.url, feedUrl));
    const head = clean(item.title);
    const content = item.content ? htmlToText(item.content) : '';
    const summary = item.description ? htmlToText(item.description) : '';
    const text = (content.length >= summary.length ? content : summary) || head;
    if (!text) {
      skipped++;
      continue;
    }
    const published = item.published ?? item.updated;
    // Without a link, the item's own id names it, within this feed.
    const id = url ? undefined : item.id ? `f-${hash64(feedUrl + '\n' + item.id)}` : undefined;
    const r = toArticle({ id, title: head ?? undefined, text, url, source, published: published && !Number.isNaN(+published) ? published.toISOString() : null, byline: item.authors[0]?.name ?? null, lang: feed.language, partial: isPartial(text, content.length > summary.length * 1.5 && summary !== '') });
    if (r.ok) articles.push(r.article);
    else skipped++;
  }
  return { title, site, articles, skipped };
}

/** Shorter than this, an item's text is taken for a summary: news articles rarely are, summaries rarely reach it. */
export const FULL_TEXT_CHARS = 1500;

/**
 * Whether a feed item's text is only part of its article: it points to the page for the rest,
 * or it is short, unless the item gave a summary and, beside it, a content much longer (the
 * article itself, however short).
 */
export function isPartial(text: string, contentBesideSummary = false): boolean {
  if (/(\u2026|\.\.\.|\[…\]|\bread more|\bcontinue reading)\W*$/i.test(text)) return true;
  return text.length < FULL_TEXT_CHARS && !contentBesideSummary;
}

/**
 * The feeds a web page names (`<link rel="alternate" type="application/rss+xml" href>`, Atom
 * too), absolute, in page order. A reader who pastes the address of a news site gets its feed.
 */
export function feedLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.slice(0, 200_000).matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined);
    if (!/\balternate\b/i.test(attr('rel') ?? '')) continue;
    if (!/^application\/(rss|atom|rdf)\+xml$/i.test((attr('type') ?? '').trim())) continue;
    const href = normaliseUrl(resolve(htmlToText(attr('href') ?? ''), pageUrl));
    if (href && !out.includes(href)) out.push(href);
  }
  return out;
}

/** "Harbour Gazette - Local news" → "Harbour Gazette": a feed's title names the outlet first. */
export function outletName(feedTitle: string | null): string | null {
  if (!feedTitle) return null;
  const name = feedTitle.split(/\s+(?:[-–—|>»:]|::)\s+/)[0]!.trim();
  return name || feedTitle;
}

function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = htmlToText(s).replace(/\s+/g, ' ').trim();
  return t || null;
}

function resolve(u: string | null | undefined, base: string): string | null {
  if (!u) return null;
  try {
    return new URL(u.trim(), base).href;
  } catch {
    return null;
  }
}
