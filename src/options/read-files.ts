// Turns the files a user picked into articles, with a message for every problem naming the
// file (and line). Saved pages are extracted like the content script does, on an inert
// DOMParser document: no script in them runs, nothing they reference is fetched.
import { toArticle } from '../core/article';
import { parseArticlesJsonl, type LineError } from '../core/jsonl';
import type { Article } from '../core/types';
import { extractArticle } from '../extract/extract';

export interface ReadResult {
  articles: Article[];
  errors: LineError[];
  files: number;
}

/** Larger files are refused: the import would freeze the page, and no news corpus line is this big. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export async function readFiles(files: File[]): Promise<ReadResult> {
  const out: ReadResult = { articles: [], errors: [], files: files.length };
  for (const file of files) {
    const name = file.name;
    if (file.size > MAX_FILE_BYTES) {
      out.errors.push({ file: name, line: 0, message: `file too large (${Math.round(file.size / 1e6)} MB)` });
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      out.errors.push({ file: name, line: 0, message: `cannot read the file (${String(e)})` });
      continue;
    }
    const r = parseFile(name, text);
    out.articles.push(...r.articles);
    out.errors.push(...r.errors);
  }
  return out;
}

export function parseFile(name: string, text: string): { articles: Article[]; errors: LineError[] } {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'jsonl' || ext === 'ndjson') return parseArticlesJsonl(text, name);
  if (ext === 'html' || ext === 'htm') return parseHtml(name, text);
  if (ext === 'json') return parseJson(name, text);
  return { articles: [], errors: [{ file: name, line: 0, message: 'unsupported file type (use .jsonl, .ndjson, .json or .html)' }] };
}

function parseHtml(name: string, html: string): { articles: Article[]; errors: LineError[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url =
    doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  const r = extractArticle(doc, url, { force: true });
  if (!r.ok) return { articles: [], errors: [{ file: name, line: 0, message: r.message }] };
  const a = toArticle({ ...r.article, id: url ? undefined : `file:${name}` });
  return a.ok ? { articles: [a.article], errors: [] } : { articles: [], errors: [{ file: name, line: 0, message: a.error }] };
}

function parseJson(name: string, text: string): { articles: Article[]; errors: LineError[] } {
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
