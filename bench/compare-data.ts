// Reading the shared evaluation data at run time (never copied into the repository).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toArticle } from '../src/core/article';
import type { Article } from '../src/core/types';

export const DEFAULT_DATA = resolve(import.meta.dirname, '../../shared/data');

export function dataPath(argv: string[]): string {
  const i = argv.indexOf('--data');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!);
  const eq = argv.find((a) => a.startsWith('--data='));
  return eq ? resolve(eq.slice(7)) : DEFAULT_DATA;
}

export interface DataArticle extends Article {
  story: string;
}

const cache = new Map<string, DataArticle[]>();

/** Articles of one data set (e.g. "gva-longtail"), or null when the file is absent. */
export function loadSet(data: string, set: string): DataArticle[] | null {
  const p = join(data, set, 'articles.ndjson');
  if (cache.has(p)) return cache.get(p)!;
  if (!existsSync(p)) return null;
  const out: DataArticle[] = [];
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Record<string, unknown>;
    const r = toArticle(o);
    if (r.ok) out.push({ ...r.article, story: String(o.story) });
  }
  cache.set(p, out);
  return out;
}

export function byStory(arts: DataArticle[]): Map<string, DataArticle[]> {
  const m = new Map<string, DataArticle[]>();
  for (const a of arts) m.set(a.story, [...(m.get(a.story) ?? []), a]);
  return m;
}
