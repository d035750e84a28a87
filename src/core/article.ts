import { hash64 } from './hash';
import type { Article, ArticleInput } from './types';

/** Articles larger than this are cut: a page this long is not a news article and would stall matching. */
export const MAX_TEXT_CHARS = 200_000;

export type Validated = { ok: true; article: Article } | { ok: false; error: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Whitespace-normalised text, used for ids and for "is this the same text" checks. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A date string as ISO 8601 if it parses, else null. Keeps plain dates (YYYY-MM-DD) as they are. */
export function normaliseDate(value: unknown): string | null {
  const s = str(value);
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|cmpid)$/i;

/**
 * The URL that identifies an article: http(s) only, without the fragment and the tracking
 * parameters that make one article look like many (utm_*, fbclid, ...). Anything else is
 * not a URL we can link to or compare, and becomes null.
 */
export function normaliseUrl(value: unknown): string | null {
  const s = str(value);
  if (!s) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  if ([...u.searchParams.keys()].length === 0) u.search = '';
  return u.href;
}

/** Site name from a URL's host, for articles that do not say which outlet they are from. */
export function sourceFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Checks an untrusted object (a JSONL line, a message) and returns a complete Article.
 * The id is kept when given; otherwise it is derived from the URL or the text, so that
 * importing the same file twice yields the same ids and adds nothing twice.
 */
export function toArticle(input: unknown): Validated {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'expected an article object ({"title", "text", ...})' };
  }
  const o = input as Record<string, unknown>;
  if (typeof o.text !== 'string' || o.text.trim() === '') {
    return { ok: false, error: 'missing "text" (the article body)' };
  }
  if (o.id !== undefined && o.id !== null && typeof o.id !== 'string' && typeof o.id !== 'number') {
    return { ok: false, error: '"id" must be a string' };
  }
  const text = o.text.length > MAX_TEXT_CHARS ? o.text.slice(0, MAX_TEXT_CHARS) : o.text;
  const url = normaliseUrl(o.url);
  const title = str(o.title) ?? firstLine(text);
  const given = o.id === undefined || o.id === null ? null : String(o.id).trim() || null;
  const id = given ?? (url ? `u-${hash64(url)}` : `t-${hash64(normaliseText(text))}`);
  return {
    ok: true,
    article: {
      id,
      title,
      text,
      source: str(o.source) ?? sourceFromUrl(url),
      url,
      published: normaliseDate(o.published),
      lang: str(o.lang),
      byline: str(o.byline),
      ...(o.partial === true ? { partial: true as const } : {}),
    },
  };
}

export function normaliseArticle(input: ArticleInput): Article {
  const r = toArticle(input);
  if (!r.ok) throw new Error(r.error);
  return r.article;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 200);
}
