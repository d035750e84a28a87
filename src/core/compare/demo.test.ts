// The demo corpus (demo/ANSWERS.md) has planted differences and traps, all fictional. This
// test reads it where it lies and checks the engine finds the planted ones and falls into
// none of the traps.
import { describe, expect, it } from 'vitest';
import { toArticle } from '../article';
import type { Article, Difference } from '../types';
import { compareArticles } from './compare';
// Read through the bundler, not node:fs: src/core stays free of Node built-ins.
import corpus from '../../../demo/corpus.jsonl?raw';

const lines: Article[] = corpus.split('\n').filter((l) => l.trim()).map((l) => {
  const r = toArticle(JSON.parse(l));
  if (!r.ok) throw new Error(r.error);
  return r.article;
});
const have = lines.length >= 6;
// Lines 1–6 are the Brinmoor fire: HL, VW, ND, CO, BP and EG (a copy of VW).
const [HL, VW, ND, CO, BP, EG] = lines;
const story = lines.slice(0, 6);
const run = (t: Article): Difference[] => compareArticles({ article: t, score: 1 }, story.filter((a) => a !== t).map((a) => ({ article: a, score: 1 })));
const topics = (ds: Difference[], kind: Difference['kind']) => ds.filter((d) => d.kind === kind).map((d) => d.topic);

describe.skipIf(!have)('demo corpus: planted differences', () => {
  it('finds the number, date, name, title, quote and word differences (Northgate Daily)', () => {
    const ds = run(ND!);
    expect(topics(ds, 'numbers')).toEqual(expect.arrayContaining(['killed', 'arrested or detained']));
    expect(topics(ds, 'timing')).toEqual(['date of the fire']);
    expect(topics(ds, 'naming')).toEqual(expect.arrayContaining(['Jean Marc Dufresne', 'Ilse Morrow', 'Tomas Reyl']));
    expect(ds.filter((d) => d.kind === 'quote').map((d) => d.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('attribute this quote to someone else: here Ruben Castell')]),
    );
    expect(topics(ds, 'framing')).toEqual(expect.arrayContaining(['words for the crowd']));
  });
  it('finds the damage figures and the omitted school (Civic Observer)', () => {
    const ds = run(CO!);
    expect(topics(ds, 'numbers')).toEqual(expect.arrayContaining(['amount: damage']));
    expect(topics(ds, 'omitted')).toEqual(expect.arrayContaining(['injured']));
  });
});

describe.skipIf(!have)('demo corpus: traps', () => {
  it('compatible injury figures (more than 100 / 130 / about 140) are no difference', () => {
    for (const t of [HL!, VW!, ND!, CO!, BP!]) expect(topics(run(t), 'numbers')).not.toContain('injured');
  });
  it('the syndicated copy is one source and differs in nothing from its original', () => {
    expect(compareArticles({ article: VW!, score: 1 }, [{ article: EG!, score: 1 }])).toEqual([]);
    for (const d of run(HL!)) expect(d.elsewhere.filter((e) => e.id === VW!.id || e.id === EG!.id).length).toBeLessThanOrEqual(1);
  });
  it('negated and hedged statements, funerals and strikes produce nothing', () => {
    const all = story.flatMap((t) => run(t));
    expect(all.some((d) => /firefighters/i.test(d.here?.sentence ?? '') && d.kind === 'numbers')).toBe(false);
    expect(all.some((d) => /unconfirmed/i.test(d.here?.sentence ?? '') || d.elsewhere.some((e) => /unconfirmed/i.test(e.sentence)))).toBe(false);
    expect(all.filter((d) => d.kind === 'timing').every((d) => d.topic === 'date of the fire')).toBe(true);
  });
  it('quotes every sentence exactly as it stands in its article', () => {
    const byId = new Map(story.map((a) => [a.id, a]));
    for (const t of story) {
      for (const d of run(t)) {
        if (d.here) expect(t.text).toContain(d.here.sentence);
        for (const e of d.elsewhere) expect(byId.get(e.id)!.text).toContain(e.sentence);
      }
    }
  });
});

describe.skipIf(lines.length < 12)('demo corpus: the morning briefing (line 12)', () => {
  it('is compared on its fire story: its ferry strike and bridge vote are nothing the fire reports leave out', () => {
    const briefing = lines[11]!;
    expect(briefing.source).toBe('Calvany Morning Briefing');
    for (const t of story) {
      const ds = compareArticles({ article: t, score: 1 }, [...story.filter((a) => a !== t), briefing].map((a) => ({ article: a, score: 1 })));
      const quoted = ds.flatMap((d) => d.elsewhere.filter((e) => e.id === briefing.id).map((e) => e.sentence));
      expect(quoted.join(' ')).not.toMatch(/Saltmere|Dalby|Vellmouth|Brask/);
    }
    // Its fire story is compared like any report: Tomas Reyl is "Interior Minister" there, as
    // in most reports, and "Security Minister" in the Civic Observer's.
    const co = compareArticles({ article: CO!, score: 1 }, [{ article: briefing, score: 1 }]);
    const title = co.find((d) => d.kind === 'naming' && d.topic === 'Tomas Reyl');
    expect(title?.elsewhere.map((e) => e.id)).toEqual([briefing.id]);
  });
});
