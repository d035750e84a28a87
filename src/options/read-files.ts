// Turns the files a user picked into articles, with a message for every problem naming the
// file (and line). JSONL is streamed: lines are parsed as they are read and handed on in
// batches, so a file of any size imports with flat memory and a stopped tab loses only the
// batch in hand. Saved pages are extracted like the content script does, on an inert
// DOMParser document: no script in them runs, nothing they reference is fetched.
import { toArticle } from '../core/article';
import { parseArticlesJsonl, type LineError } from '../core/jsonl';
import type { Article } from '../core/types';
import { extractArticle } from '../extract/extract';
import { readLines } from './line-splitter';

type Parsed = { articles: Article[]; errors: LineError[] };

/** .html and .json files are read whole: past this size they are refused (use JSONL instead). */
export const MAX_WHOLE_FILE_BYTES = 20 * 1024 * 1024;

/** Articles handed on together; each batch is stored in one transaction. */
export const BATCH = 200;

/** Problems kept for display; the rest are only counted, so a file of bad lines cannot fill memory. */
export const MAX_ERRORS_KEPT = 1000;

export interface ReadSummary {
  files: number;
  /** Articles read and handed to `store`. */
  read: number;
  errors: LineError[];
  /** Problems beyond MAX_ERRORS_KEPT, counted only. */
  moreErrors: number;
  /** Why storing failed (a full disk); reading stopped there, earlier batches stay stored. */
  stopped: string | null;
}

/**
 * Reads `files` and calls `store` with each batch of up to BATCH articles, awaiting it before
 * reading on. If `store` throws (a full disk), reading stops and `stopped` says why:
 * batches already stored stay stored.
 */
export async function importFiles(
  files: File[],
  store: (articles: Article[]) => Promise<void>,
  onRead: (read: number) => void = () => undefined,
): Promise<ReadSummary> {
  const out: ReadSummary = { files: files.length, read: 0, errors: [], moreErrors: 0, stopped: null };
  const problem = (e: LineError) => (out.errors.length < MAX_ERRORS_KEPT ? out.errors.push(e) : out.moreErrors++);
  let batch: Article[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const b = batch;
    batch = [];
    out.read += b.length;
    try {
      await store(b);
    } catch (e) {
      throw new StoreStopped(e);
    }
    onRead(out.read);
  };
  const take = async (a: Article) => {
    batch.push(a);
    if (batch.length >= BATCH) await flush();
  };

  try {
    for (const file of files) await readFile(file);
    await flush();
  } catch (e) {
    if (!(e instanceof StoreStopped)) throw e;
    out.stopped = e.message;
  }
  return out;

  async function readFile(file: File): Promise<void> {
    const name = file.name;
    const ext = extOf(name);
    if (ext === 'jsonl' || ext === 'ndjson') {
      try {
        for await (const { n, text } of readLines(file.stream())) {
          if (text === null) {
            problem({ file: name, line: n, message: 'line too long (not one article)' });
            continue;
          }
          const r = parseJsonlLine(text, name, n);
          if (r === null) continue;
          if ('error' in r) problem(r.error);
          else await take(r.article);
        }
      } catch (e) {
        if (e instanceof StoreStopped) throw e;
        problem({ file: name, line: 0, message: `cannot read the file (${message(e)})` });
      }
      return;
    }
    if (file.size > MAX_WHOLE_FILE_BYTES) {
      problem({
        file: name,
        line: 0,
        message: `file too large (${Math.round(file.size / 1e6)} MB; .html and .json files are read up to ${MAX_WHOLE_FILE_BYTES / 1024 / 1024} MB, use JSONL for more)`,
      });
      return;
    }
    let parsed: Parsed;
    try {
      parsed = parseFile(name, await file.text());
    } catch (e) {
      // An odd page can make the parser or Readability throw: that is this file's problem only.
      problem({ file: name, line: 0, message: `cannot read the file (${message(e)})` });
      return;
    }
    parsed.errors.forEach(problem);
    for (const a of parsed.articles) await take(a);
  }
}

/** An error from `store`: told apart from a file that cannot be read, it stops the whole import. */
class StoreStopped extends Error {
  constructor(readonly reason: unknown) {
    super(message(reason));
  }
}

function message(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

function extOf(name: string): string {
  return name.toLowerCase().split('.').pop() ?? '';
}

/** One JSONL line: null for a blank line, else the article or the problem with its line number. */
export function parseJsonlLine(line: string, file: string, n: number): { article: Article } | { error: LineError } | null {
  const raw = line.replace(/^\uFEFF/, '').trim();
  if (raw === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { error: { file, line: n, message: `not valid JSON (${(e as Error).message})` } };
  }
  const r = toArticle(value);
  return r.ok ? { article: r.article } : { error: { file, line: n, message: r.error } };
}

export function parseFile(name: string, text: string): Parsed {
  const ext = extOf(name);
  if (ext === 'jsonl' || ext === 'ndjson') return parseArticlesJsonl(text, name);
  if (ext === 'html' || ext === 'htm') return parseHtml(name, text);
  if (ext === 'json') return parseJson(name, text);
  return { articles: [], errors: [{ file: name, line: 0, message: 'unsupported file type (use .jsonl, .ndjson, .json or .html)' }] };
}

/**
 * The page's own address from its canonical link or og:url, if it resolves to http(s).
 * A saved page's location is unknown, so a relative address resolves only against a
 * <base href> that is itself absolute; never against the options page's own URL.
 */
export function pageUrl(doc: Document): string | null {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  const base = baseHref === null ? null : httpUrl(baseHref, null);
  const candidates = [
    doc.querySelector('link[rel~=canonical][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content'),
  ];
  for (const href of candidates) {
    const url = href ? httpUrl(href.trim(), base) : null;
    if (url) return url;
  }
  return null;
}

function httpUrl(href: string, base: string | null): string | null {
  try {
    const u = base === null ? new URL(href) : new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function parseHtml(name: string, html: string): Parsed {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = pageUrl(doc);
  const r = extractArticle(doc, url, { force: true });
  if (!r.ok) return { articles: [], errors: [{ file: name, line: 0, message: r.message }] };
  // No id from the file name: two saved "index.html" pages are different articles. toArticle
  // derives the id from the URL, or from the text when the page does not say where it was.
  const a = toArticle({ ...r.article, url });
  return a.ok ? { articles: [a.article], errors: [] } : { articles: [], errors: [{ file: name, line: 0, message: a.error }] };
}

function parseJson(name: string, text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { articles: [], errors: [{ file: name, line: 0, message: `not valid JSON (${(e as Error).message})` }] };
  }
  const items = Array.isArray(value) ? value : [value];
  const articles: Article[] = [];
  const errors: LineError[] = [];
  items.forEach((item, i) => {
    const r = toArticle(item);
    if (r.ok) articles.push(r.article);
    else errors.push({ file: name, line: 0, message: Array.isArray(value) ? `item ${i + 1}: ${r.error}` : r.error });
  });
  return { articles, errors };
}
