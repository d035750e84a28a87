import { toArticle } from './article';
import type { Article } from './types';

export interface LineError {
  file: string;
  line: number;
  message: string;
}

export interface ParsedJsonl {
  articles: Article[];
  errors: LineError[];
}

/**
 * Parses JSONL (one article object per line). A bad line is reported with its file and
 * line number and skipped; the good lines are kept. Blank lines are ignored.
 */
export function parseArticlesJsonl(text: string, file: string): ParsedJsonl {
  const articles: Article[] = [];
  const errors: LineError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/^\uFEFF/, '').trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      errors.push({ file, line: i + 1, message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    const r = toArticle(value);
    if (r.ok) articles.push(r.article);
    else errors.push({ file, line: i + 1, message: r.error });
  }
  return { articles, errors };
}

export function toJsonl(articles: Iterable<Article>): string {
  let out = '';
  for (const a of articles) out += JSON.stringify(a) + '\n';
  return out;
}
