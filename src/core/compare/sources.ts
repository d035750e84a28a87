// Independent sources. Wire copy reprinted by several outlets is one source, and so are
// several articles of one outlet: counting them separately would make a single report look
// corroborated. Copies of the article being read are left out altogether.
import type { Article } from '../types';
import type { ArticleFacts } from './facts';

export interface Doc {
  a: Article;
  f: ArticleFacts;
  score: number;
  /** Set by the caller when the matcher already knows the text is a copy. */
  syndicated?: boolean;
}

/** Share of the smaller shingle set found in the larger: 1 for a copy, ~0 for independent text. */
export function containment(x: ArticleFacts, y: ArticleFacts): number {
  const [small, large] = x.shingles.length <= y.shingles.length ? [x.shingles, y.shingles] : [y.shingles, x.shingles];
  if (small.length < 8) return 0;
  const set = new Set(large);
  let n = 0;
  for (const h of small) if (set.has(h)) n++;
  return n / small.length;
}

export const COPY_THRESHOLD = 0.5;

export function isCopy(x: Doc, y: Doc): boolean {
  if (x.f.textHash === y.f.textHash) return true;
  return containment(x.f, y.f) >= COPY_THRESHOLD;
}

const outlet = (a: Article) => (a.source ?? '').toLowerCase().replace(/^www\./, '').trim();

/**
 * Groups the other articles into independent sources (copies and same-outlet articles
 * together), dropping those that are copies of the target. Each group is ordered by score.
 */
export function groupSources(target: Doc, others: Doc[]): Doc[][] {
  const kept = others.filter((d) => d.a.id !== target.a.id && !(d.syndicated && isCopy(target, d)) && !isCopy(target, d));
  const parent = kept.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) {
      const same = (outlet(kept[i]!.a) !== '' && outlet(kept[i]!.a) === outlet(kept[j]!.a)) || isCopy(kept[i]!, kept[j]!);
      if (same) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Doc[]>();
  kept.forEach((d, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), d]);
  });
  return [...groups.values()]
    .map((g) => g.sort((x, y) => y.score - x.score))
    .sort((x, y) => y[0]!.score - x[0]!.score);
}

/** A source's name for a summary line: the outlet, with "and N copies" when it is wire copy. */
export function groupName(g: Doc[]): string {
  const first = g[0]!.a;
  const name = first.source ?? first.title ?? first.id;
  const others = new Set(g.slice(1).map((d) => d.a.source).filter((s) => s && s !== first.source));
  return others.size ? `${name} (same text also in ${[...others].join(', ')})` : name;
}
