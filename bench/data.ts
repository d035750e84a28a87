// Reads the shared evaluation data (../shared/data by default) at run time. The texts are
// never copied into the repository: every script takes the path and reads it here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toArticle } from '../src/core/article';
import type { Article } from '../src/core/types';

export const DEFAULT_DATA = resolve(import.meta.dirname, '..', '..', 'shared', 'data');
export const DATASETS = ['gva-longtail', 'ecbplus', 'basil', 'newswcl50', 'allsides-neus'] as const;

/** An article of an evaluation set with its gold story id. */
export interface GoldArticle extends Article {
  story: string;
}

/** `--data PATH` from argv, else the default shared path. */
export function dataPath(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--data' || a.startsWith('--data='));
  if (i < 0) return DEFAULT_DATA;
  const a = argv[i]!;
  const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
  if (!v) throw new Error('--data needs a path');
  return resolve(v);
}

/** Data sets present under `root`, in the fixed order above, then any others. */
export function listDatasets(root: string): string[] {
  if (!existsSync(root)) return [];
  const present = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'articles.ndjson')))
    .map((d) => d.name);
  const known = DATASETS.filter((d) => present.includes(d));
  return [...known, ...present.filter((d) => !(DATASETS as readonly string[]).includes(d)).sort()];
}

export function loadDataset(root: string, name: string): GoldArticle[] {
  const text = readFileSync(join(root, name, 'articles.ndjson'), 'utf8');
  const out: GoldArticle[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Record<string, unknown>;
    const r = toArticle(o);
    if (!r.ok) continue;
    out.push({ ...r.article, story: String(o.story) });
  }
  return out;
}
