// `npx tsx bench/briefings.ts [--data PATH] [--sets gva-longtail,allsides-neus] [--n 100]`
// Roundups ("morning briefing", "five things to know") hold several stories in one page. The
// matcher rightly finds one when the reader reads one of its stories; the question is what the
// comparison then makes of its other stories. Each briefing here is built from the headlines
// and leads of five stories of one data set, put in a corpus with the whole set. Measured:
// - how often a reader of one of those stories (another outlet's report) gets the briefing as
//   a match, and how many of the findings it then gives quote one of the briefing's other
//   stories (foreign: a number, a name or a quote of another event set against the reader's);
// - reading the briefing itself: how many findings quote one of its stories that no match
//   reports (an "only in this article" about another event).
import { buildReport } from '../src/core/compare/index';
import { searchArticle } from '../src/core/roundup-search';
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import type { Article, Difference } from '../src/core/types';
import { dataPath, loadDataset, type GoldArticle } from './data';

const argv = process.argv.slice(2);
const opt = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1]! : d);
const sets = opt('--sets', 'gva-longtail,allsides-neus').split(',');
const count = Number(opt('--n', '100'));
const STORIES = 5;
const LEAD_WORDS = 110;

// A fixed-seed generator, so that every run builds the same briefings.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A story's item in a briefing: its headline as a line, then its lead up to about LEAD_WORDS words. */
function item(a: Article): string {
  const out: string[] = [];
  let words = 0;
  for (const p of a.text.split(/\n+/).map((x) => x.trim()).filter(Boolean)) {
    if (words >= LEAD_WORDS) break;
    out.push(p);
    words += p.split(/\s+/).length;
  }
  return `${a.title}\n\n${out.join('\n\n')}`;
}

interface Briefing {
  article: Article;
  /** [start, end) of each story's item in the text, with the story. */
  items: { start: number; end: number; story: string; from: string }[];
}

function build(arts: GoldArticle[], name: string): Briefing[] {
  const byStory = new Map<string, GoldArticle[]>();
  for (const a of arts) byStory.set(a.story, [...(byStory.get(a.story) ?? []), a]);
  // Stories with at least three reports: one goes into the briefing, the others read it.
  const eligible = [...byStory.values()].filter((g) => g.length >= 3 && g.every((a) => a.text.split(/\s+/).length >= 40));
  const rand = rng(20261207);
  const out: Briefing[] = [];
  for (let b = 0; b < count && eligible.length >= STORIES; b++) {
    const picked = new Set<number>();
    while (picked.size < STORIES) picked.add(Math.floor(rand() * eligible.length));
    const items: Briefing['items'] = [];
    let text = '';
    const days: string[] = [];
    for (const k of picked) {
      const g = eligible[k]!;
      const a = g[Math.floor(rand() * g.length)]!;
      if (a.published) days.push(a.published);
      const t = item(a);
      if (text) text += '\n\n';
      items.push({ start: text.length, end: text.length + t.length, story: a.story, from: a.id });
      text += t;
    }
    days.sort();
    out.push({
      article: { id: `briefing-${name}-${b}`, title: 'Morning briefing: what you need to know today', text, source: 'Daily Briefing', url: `https://briefing.example/${name}/${b}`, published: days[days.length - 1] ?? null, lang: 'en' } as Article,
      items,
    });
  }
  return out;
}

/** The briefing item a sentence of its text stands in, or null. */
function itemOf(b: Briefing, sentence: string): Briefing['items'][number] | null {
  const at = b.article.text.indexOf(sentence);
  if (at < 0) return null;
  return b.items.find((it) => it.start <= at && at < it.end) ?? null;
}

for (const name of sets) {
  const arts = loadDataset(dataPath(argv), name);
  const briefings = build(arts, name);
  const all: Article[] = [...arts, ...briefings.map((b) => b.article)];
  const byId = new Map(all.map((a) => [a.id, a]));
  const feats = new Map(all.map((a) => [a.id, extractMatchFeatures(a)]));
  const index = new MatchIndex();
  for (const a of all) index.add(a.id, feats.get(a.id)!);
  const report = (a: Article) => {
    const ms = index.search(feats.get(a.id)!, { exclude: [a.id] }).matches;
    return { ms, r: buildReport(a, ms.map((m) => ({ article: byId.get(m.id)!, score: m.score, reasons: m.reasons }))) };
  };
  let readers = 0;
  let sawBriefing = 0;
  let own = 0;
  let foreign = 0;
  const foreignKinds = new Map<string, number>();
  const examples: string[] = [];
  const fromBriefing = (d: Difference, b: Briefing) => d.elsewhere.filter((e) => e.id === b.article.id);
  for (const b of briefings) {
    for (const it of b.items) {
      for (const a of arts) {
        if (a.story !== it.story || a.id === it.from) continue;
        readers++;
        const { ms, r } = report(a);
        if (!ms.some((m) => m.id === b.article.id)) continue;
        sawBriefing++;
        for (const d of r.differences) {
          for (const e of fromBriefing(d, b)) {
            const where = itemOf(b, e.sentence);
            if (where && where.story !== a.story) {
              foreign++;
              foreignKinds.set(d.kind, (foreignKinds.get(d.kind) ?? 0) + 1);
              if (examples.length < 4) examples.push(`${d.kind}: ${d.summary.slice(0, 110)} | «${e.sentence.slice(0, 90)}»`);
            } else own++;
          }
        }
      }
    }
  }
  // Reading the briefing itself, matched as a page and with each of its stories asked alone
  // (searchArticle): how many of its stories are found, how many matches are of none of them,
  // and findings whose own sentence is in a story no match reports.
  const reading: string[] = [];
  for (const perStory of [false, true]) {
    let asQuery = 0;
    let hereForeign = 0;
    let hereOwn = 0;
    let itemsCovered = 0;
    let found = 0;
    let stray = 0;
    for (const b of briefings) {
      const f = feats.get(b.article.id)!;
      const ms = perStory ? searchArticle(index, b.article, f, { exclude: [b.article.id] }).matches : index.search(f, { exclude: [b.article.id] }).matches;
      const r = buildReport(b.article, ms.map((m) => ({ article: byId.get(m.id)!, score: m.score, reasons: m.reasons })));
      const stories = ms.map((m) => (byId.get(m.id) as GoldArticle | undefined)?.story);
      const covered = new Set(stories);
      const own = new Set(b.items.map((it) => it.story));
      found += ms.length;
      stray += stories.filter((st) => !own.has(st!)).length;
      if (ms.length) asQuery++;
      itemsCovered += b.items.filter((it) => covered.has(it.story)).length;
      for (const d of r.differences) {
        if (!d.here) continue;
        const where = itemOf(b, d.here.sentence);
        if (where && !covered.has(where.story)) hereForeign++;
        else hereOwn++;
      }
    }
    reading.push(
      `  reading a briefing, ${perStory ? 'each story also matched alone' : 'matched as a page'}: ${asQuery} of ${briefings.length} matched anything, ${itemsCovered} of their ${briefings.length * STORIES} stories found ` +
        `(${found} matches, ${stray} of a story not in the briefing); ${hereOwn} findings quote a story its matches report, ${hereForeign} one that none does\n`,
    );
  }
  const kinds = [...foreignKinds].map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(
    `${name}: ${briefings.length} briefings of ${STORIES} stories; ${readers} readers of their stories, ${sawBriefing} (${((100 * sawBriefing) / Math.max(1, readers)).toFixed(1)} %) got the briefing as a match\n` +
      `  evidence from the briefing in those reports: ${own} from the reader's story, ${foreign} from another story${kinds ? ` (${kinds})` : ''}\n` +
      reading.join(''),
  );
  for (const e of examples) process.stdout.write(`    e.g. ${e}\n`);
}
