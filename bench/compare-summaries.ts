// `npx tsx bench/compare-summaries.ts [--data PATH] [--chars 300]`: what the comparison says
// when the other sources are feed summaries (title and first N characters) instead of full
// articles, as a reader's corpus grows from feeds whose pages were not read. Each story of
// two to eight articles, each article in turn the one read (full text): findings per kind
// against the full others and against their summaries. A finding "only this article reports
// X" that appears only against summaries is false by construction: a full other article
// reports X, its summary just stops before it. Measured twice: summaries as plain articles
// (a corpus imported without the flag), and flagged `partial` as the feed reader stores them.
import { existsSync } from 'node:fs';
import { compareArticles } from '../src/core/compare';
import type { DifferenceKind } from '../src/core/types';
import { byStory, dataPath, loadSet } from './compare-data';
import { summary } from './summary';

const argv = process.argv.slice(2);
const data = dataPath(argv);
const chars = Number(argv.includes('--chars') ? argv[argv.indexOf('--chars') + 1] : 300);
if (!existsSync(data)) {
  console.log(`compare-summaries: no data at ${data}; nothing measured`);
  process.exit(0);
}
const KINDS: DifferenceKind[] = ['numbers', 'timing', 'naming', 'framing', 'quote', 'omitted', 'exclusive'];
for (const set of ['gva-longtail', 'basil', 'newswcl50']) {
  const arts = loadSet(data, set);
  if (!arts) continue;
  const full: Record<string, number> = {};
  const short: Record<string, number> = {};
  const flagged: Record<string, number> = {};
  let onlyShort = 0;
  let onlyFlagged = 0;
  let reads = 0;
  for (const group of byStory(arts).values()) {
    if (group.length < 2 || group.length > 8) continue;
    for (const target of group) {
      reads++;
      const others = group.filter((a) => a !== target);
      const a = compareArticles({ article: target, score: 1 }, others.map((o) => ({ article: o, score: 1 })));
      const b = compareArticles({ article: target, score: 1 }, others.map((o) => ({ article: { ...o, text: summary(o.text, chars) }, score: 1 })));
      const c = compareArticles({ article: target, score: 1 }, others.map((o) => ({ article: { ...o, text: summary(o.text, chars), partial: true as const }, score: 1 })));
      for (const d of a) full[d.kind] = (full[d.kind] ?? 0) + 1;
      for (const d of b) short[d.kind] = (short[d.kind] ?? 0) + 1;
      for (const d of c) flagged[d.kind] = (flagged[d.kind] ?? 0) + 1;
      const seen = new Set(a.filter((d) => d.kind === 'exclusive').map((d) => d.topic));
      onlyShort += b.filter((d) => d.kind === 'exclusive' && !seen.has(d.topic)).length;
      onlyFlagged += c.filter((d) => d.kind === 'exclusive' && !seen.has(d.topic)).length;
    }
  }
  console.log(`${set}: ${reads} articles read, each against the rest of its story`);
  console.log(`  findings per kind, full others / ${chars}-character summaries / the same flagged partial: ${KINDS.map((k) => `${k} ${full[k] ?? 0} / ${short[k] ?? 0} / ${flagged[k] ?? 0}`).join(', ')}`);
  console.log(`  "only this article" findings that full texts refute: ${onlyShort} against summaries, ${onlyFlagged} against summaries flagged partial`);
}
