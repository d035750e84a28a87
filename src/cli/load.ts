// Reading articles from files for the command line. Every problem is collected as a
// message naming the file (and line), and loading goes on with the rest.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { toArticle } from '../core/article';
import { FeedError, readFeed } from '../core/feeds/read-feed';
import { parseArticlesJsonl } from '../core/jsonl';
import type { Article } from '../core/types';
import { extractArticle } from '../extract/extract';

export interface Loaded {
  articles: Article[];
  errors: string[];
}

const ARTICLE_EXT = new Set(['.html', '.htm', '.txt', '.json']);
/** Saved RSS and Atom feeds: each item is an article, as when the extension fetches them. */
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf']);
const CORPUS_EXT = new Set(['.jsonl', '.ndjson', ...ARTICLE_EXT, ...FEED_EXT]);

/** One article file: .html (Readability), .txt (first line is the title) or .json (an article object). */
export function loadArticleFile(path: string): { article: Article } | { error: string } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return articleFromHtml(raw, path);
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return { error: `${path}: not valid JSON (${(e as Error).message})` };
    }
    const r = toArticle(value);
    return r.ok ? { article: r.article } : { error: `${path}: ${r.error}` };
  }
  if (ext === '.txt' || ext === '') return articleFromTxt(raw, path);
  return { error: `${path}: unsupported file type "${ext}" (expected .html, .txt or .json)` };
}

export function articleFromTxt(raw: string, path: string): { article: Article } | { error: string } {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { error: `${path}: the file is empty` };
  const title = lines[first]!.trim();
  const text = lines.slice(first + 1).join('\n').trim();
  if (text === '') return { error: `${path}: no article text after the title line` };
  // No id from the file name: two files named alike in different folders are different
  // articles. The id comes from the text.
  const r = toArticle({ title, text });
  return r.ok ? { article: r.article } : { error: `${path}: ${r.error}` };
}

export function articleFromHtml(html: string, path: string, url?: string): { article: Article } | { error: string } {
  let dom: JSDOM;
  try {
    // A silent virtual console: page scripts and CSS errors are not ours to print. Scripts never run.
    dom = new JSDOM(html, { url: url ?? pathToFileURL(resolve(path)).href, virtualConsole: new VirtualConsole() });
  } catch (e) {
    return { error: `${path}: cannot parse HTML (${(e as Error).message})` };
  }
  const metaUrl = pageUrl(dom.window.document);
  const r = extractArticle(dom.window.document, url ?? metaUrl, { force: true });
  dom.window.close();
  if (!r.ok) return { error: `${path}: ${r.message}` };
  const a = toArticle(r.article);
  return a.ok ? { article: a.article } : { error: `${path}: ${a.error}` };
}

/**
 * The page's own URL from its canonical link or og:url, when that is an absolute http(s)
 * URL. A relative one cannot be resolved for a saved file: its site is unknown.
 */
export function pageUrl(doc: Document): string | null {
  const raw =
    doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  return raw && /^https?:\/\//i.test(raw.trim()) ? raw.trim() : null;
}

/** Corpus paths: .jsonl/.ndjson files, saved feeds, single article files, or directories (recursively). */
export function loadCorpus(paths: string[]): Loaded {
  const articles: Article[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (a: Article) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    articles.push(a);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    const files = st.isDirectory() ? walk(p) : [p];
    for (const f of files) {
      const ext = extname(f).toLowerCase();
      if (ext === '.jsonl' || ext === '.ndjson') {
        let text: string;
        try {
          text = readFileSync(f, 'utf8');
        } catch (e) {
          errors.push(`${f}: cannot read (${(e as Error).message})`);
          continue;
        }
        const r = parseArticlesJsonl(text, f);
        r.articles.forEach(add);
        for (const e of r.errors) errors.push(`${e.file}:${e.line}: ${e.message}`);
      } else if (FEED_EXT.has(ext)) {
        try {
          // Relative item links resolve against the file: a saved feed has no address of its own.
          const feed = readFeed(readFileSync(f, 'utf8'), pathToFileURL(resolve(f)).href);
          if (feed.articles.length === 0) errors.push(`${f}: the feed has no items with text`);
          feed.articles.forEach(add);
        } catch (e) {
          errors.push(`${f}: ${e instanceof FeedError ? e.message : `cannot read (${(e as Error).message})`}`);
        }
      } else {
        const r = loadArticleFile(f);
        if ('article' in r) add(r.article);
        else errors.push(r.error);
      }
    }
  }
  return { articles, errors };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (CORPUS_EXT.has(extname(name).toLowerCase())) out.push(p);
  }
  return out;
}
