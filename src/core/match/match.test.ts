import { describe, expect, it } from 'vitest';
import { normaliseArticle } from '../article';
import { findMatches, extractMatchFeatures, MatchIndex, MATCH_FEATURES_VERSION } from './index';
import { corpus, council, shootingA1, shootingA1Copy, shootingA2, shootingA3, shootingA4, shootingB, warehouseFire } from './fixtures';

const ids = (ms: { id: string }[]) => ms.map((m) => m.id);

describe('findMatches', () => {
  it('matches the same event told in other words', () => {
    const ms = findMatches(shootingA2, corpus);
    expect(ids(ms)).toContain('a1');
    const m = ms.find((x) => x.id === 'a1')!;
    expect(m.reasons.sharedNames).toContain('marcus delavane');
    expect(m.reasons.dayGap).toBe(1);
    expect(m.reasons.syndicated).toBe(false);
  });

  it('does not match a different shooting in the same city', () => {
    expect(ids(findMatches(shootingB, corpus))).not.toContain('a1');
    expect(ids(findMatches(shootingA1, corpus))).not.toContain('b1');
  });

  it('matches the follow-up arrest story', () => {
    const ms = findMatches(shootingA3, corpus);
    expect(ids(ms)).toContain('a1');
    expect(ms.find((x) => x.id === 'a1')!.reasons.dayGap).toBe(14);
  });

  it('matches a report months later that names the day of the event', () => {
    const ms = findMatches(shootingA4, corpus);
    const a1 = ms.find((x) => x.id === 'a1');
    expect(a1?.reasons.dayGap).toBe(251);
    expect(a1?.reasons.namedDay).toBe('2024-03-02');
    // The same report without the date: the eight months weigh against it in full.
    const undated = { ...shootingA4, id: 'a4-undated', text: shootingA4.text.replace('the March 2 shooting', 'the shooting') };
    const without = findMatches(undated, corpus).find((x) => x.id === 'a1');
    expect(without?.score ?? 0).toBeLessThan(a1!.score);
    expect(without?.reasons.namedDay ?? null).toBeNull();
  });

  it('weighs ledes that name other weekdays against a match', () => {
    // Two look-alike reports, or two days of a running story, name other days; the same event
    // names the same one. Everything else about the pair is equal.
    const on = (day: string) => ({ ...shootingA2, id: `a2-${day}`, text: shootingA2.text.replace('opened fire', `opened fire early ${day}`) });
    const index = new MatchIndex();
    for (const a of corpus.filter((x) => x.id !== 'a2')) index.add(a.id, extractMatchFeatures(a));
    // (a1 and its wire copy are one text: the copy, longer by its dateline, is the one indexed.)
    const pair = (day: string) => index.explain(extractMatchFeatures(on(day))).find((c) => c.id === 'a1-copy')!;
    expect(pair('Saturday').x.weekdayClash).toBe(0);
    expect(pair('Tuesday').x.weekdayClash).toBe(1);
    expect(pair('Tuesday').score).toBeLessThan(pair('Saturday').score);
    // A text that names no weekday is no clash.
    expect(index.explain(extractMatchFeatures(shootingA2)).find((c) => c.id === 'a1-copy')!.x.weekdayClash).toBe(0);
  });

  it('does not match an unrelated story', () => {
    expect(findMatches(council, corpus)).toEqual([]);
  });

  it('flags a syndicated copy', () => {
    const m = findMatches(shootingA1, corpus).find((x) => x.id === 'a1-copy');
    expect(m?.reasons.syndicated).toBe(true);
    expect(findMatches(shootingA1, corpus).find((x) => x.id === 'a2')?.reasons.syndicated).toBe(false);
  });

  it('does not take two pages of one template for copies when their texts miss their headlines', () => {
    // A crawl that kept a station's blurb instead of the article, under two real headlines.
    const blurb =
      'Welcome to Channel 9 Online! Channel 9 has joined forces with the most trusted radio stations in the valley to bring you the best the valley has to offer. ' +
      'Channel 9 is part of Northfield Media Group, one of the largest station groups in the region. Listen live, watch our newscasts and download the free app for weather alerts.';
    const page = (id: string, title: string, source: string) => normaliseArticle({ id, title, text: blurb, source, url: `https://${source}/news/${id}`, published: '2016-03-02' });
    const a = page('t1', 'Two wounded in Elmwood Avenue drive-by shooting', 'ch9-valley.example');
    const b = page('t2', 'Ferry schedule changes for the spring season', 'ch9-coast.example');
    expect(extractMatchFeatures(a).w).toBe(0);
    expect(findMatches(a, [a, b]).find((m) => m.id === 't2')?.reasons.syndicated ?? false).toBe(false);
    // The same text under headlines it carries is a copy, as before.
    const c = { ...a, id: 'c', title: 'Channel 9 joins forces with valley radio stations' };
    const d = { ...c, id: 'd', source: 'ch9-coast.example', url: 'https://ch9-coast.example/news/d' };
    expect(findMatches(c, [c, d]).find((m) => m.id === 'd')?.reasons.syndicated).toBe(true);
  });

  it('never returns the article itself, by id, url or identical text', () => {
    expect(ids(findMatches(shootingA1, corpus))).not.toContain('a1');
    const reimport = { ...shootingA1, id: 'other-id' };
    expect(ids(findMatches(reimport, corpus))).not.toContain('a1');
    const sameText = { ...shootingA1, id: 'x', url: null };
    expect(ids(findMatches(sameText, corpus))).not.toContain('a1');
  });

  it('returns scores best first with reasons', () => {
    const ms = findMatches(shootingA1, corpus);
    for (let i = 1; i < ms.length; i++) expect(ms[i - 1]!.score).toBeGreaterThanOrEqual(ms[i]!.score);
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) expect(m.reasons.sharedTerms.length + m.reasons.sharedNames.length).toBeGreaterThan(0);
  });
});

describe("the reader's word", () => {
  const idx = new MatchIndex();
  for (const a of [...corpus, ...warehouseFire]) idx.add(a.id, extractMatchFeatures(a));
  const brief = extractMatchFeatures(warehouseFire[0]!);
  // Without the two reports in between, the brief report and the charge weeks later share
  // too little for a match: a near miss.
  const alone = { exclude: ['w1', 'w2', 'w3'] };

  it('offers a near miss to judge, apart from the matches, only when asked', () => {
    const r = idx.search(brief, { ...alone, near: 3 });
    expect(r.matches).toEqual([]);
    expect(ids(r.near)).toEqual(['w4']);
    expect(r.near[0]!.score).toBeGreaterThanOrEqual(0.2);
    expect(r.near[0]!.score).toBeLessThan(0.4);
    expect(idx.search(brief, alone).near).toEqual([]);
    expect(idx.query(brief, alone)).toEqual([]);
  });

  it('makes a joined article a match whatever its score, with its own score and reasons', () => {
    const r = idx.search(brief, { ...alone, include: ['w4'], near: 3 });
    expect(r.matches.map((m) => [m.id, m.joined])).toEqual([['w4', true]]);
    // The model's own view of it (its direct score, or its link to the story), not the reader's.
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(idx.search(brief, { ...alone, near: 3 }).near[0]!.score);
    expect(r.matches[0]!.score).toBeLessThan(0.4);
    expect(r.matches[0]!.reasons.sharedNames).toContain('lantern mill');
    expect(r.near).toEqual([]);
  });

  it('never costs the story a member, even when the reader joins another event', () => {
    const before = idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'] });
    const after = idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'], include: ['b1'] });
    expect(ids(after)).toEqual([...ids(before), 'b1']);
    expect(after.find((m) => m.id === 'b1')!.joined).toBe(true);
    expect(after.filter((m) => m.joined)).toHaveLength(1);
  });

  it("brings a joined article's copies under other outlets into the story with it", () => {
    const w4 = warehouseFire[3]!;
    const copy = normaliseArticle({ ...w4, id: 'w4-wire', source: 'wire-two.example', url: 'https://wire-two.example/charge' });
    const withCopy = new MatchIndex();
    for (const a of [...corpus, ...warehouseFire, copy]) withCopy.add(a.id, extractMatchFeatures(a));
    expect(withCopy.query(brief, alone)).toEqual([]);
    const r = withCopy.search(brief, { ...alone, include: ['w4'], near: 3 });
    // The copy comes with the article it copies, at its score; only the article is joined.
    expect(r.matches.map((m) => [m.id, m.joined ?? false])).toEqual([['w4', true], ['w4-wire', false]]);
    expect(r.matches[1]!.score).toBe(r.matches[0]!.score);
    expect(r.near).toEqual([]);
    // Joining the copy instead brings the same two.
    const viaCopy = withCopy.search(brief, { ...alone, include: ['w4-wire'] });
    expect(viaCopy.matches.map((m) => [m.id, m.joined ?? false])).toEqual([['w4', false], ['w4-wire', true]]);
  });

  it('ignores a joined id that is not indexed, or excluded', () => {
    const plain = idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'] });
    expect(idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'], include: ['nowhere'] })).toEqual(plain);
    const withoutB1 = idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1', 'b1'] });
    expect(idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1', 'b1'], include: ['b1', 'nowhere'] })).toEqual(withoutB1);
  });
});

describe('growing the story', () => {
  const build = (stories: boolean) => {
    const idx = new MatchIndex({ stories });
    for (const a of [...corpus, ...warehouseFire]) idx.add(a.id, extractMatchFeatures(a));
    return idx;
  };
  const brief = extractMatchFeatures(warehouseFire[0]!);

  it('finds a follow-up through the story that the first brief report alone misses', () => {
    expect(ids(build(false).query(brief, { exclude: ['w1'] }))).toEqual(['w2', 'w3']);
    const ms = build(true).query(brief, { exclude: ['w1'] });
    // (w3 and w4 join with nearly the same mean link: their order is not the point.)
    expect(ids(ms).sort()).toEqual(['w2', 'w3', 'w4']);
    // Its reasons are still the pair's own: what the brief report and the charge share.
    const w4 = ms.find((m) => m.id === 'w4')!;
    expect(w4.reasons.sharedNames).toContain('lantern mill');
    expect(w4.score).toBeGreaterThan(0.5);
  });

  it('keeps other stories out of it', () => {
    const idx = build(true);
    for (const a of warehouseFire) {
      const got = ids(idx.query(extractMatchFeatures(a), { exclude: [a.id] }));
      expect(got.every((id) => id.startsWith('w'))).toBe(true);
    }
    expect(ids(idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'] })).sort()).toEqual(['a1-copy', 'a2', 'a3']);
  });

  it('finds the same story for an article that is not indexed, counted as if it were', () => {
    const idx = new MatchIndex();
    for (const a of [...corpus, ...warehouseFire.slice(1)]) idx.add(a.id, extractMatchFeatures(a));
    // (w3 and w4 join with nearly the same mean link, as above.)
    expect(ids(idx.query(brief, { countQuery: true })).sort()).toEqual(['w2', 'w3', 'w4']);
  });
});

describe('MatchIndex snapshot', () => {
  const build = () => {
    const idx = new MatchIndex();
    for (const a of corpus) idx.add(a.id, extractMatchFeatures(a));
    return idx;
  };

  it('round-trips through JSON with identical query results', () => {
    const idx = build();
    idx.remove('c1');
    const copy = MatchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    expect(copy.size).toBe(idx.size);
    for (const a of corpus) {
      const f = extractMatchFeatures(a);
      expect(copy.query(f, { exclude: [a.id] })).toEqual(idx.query(f, { exclude: [a.id] }));
    }
  });

  it('refuses an unknown version with a clear error', () => {
    const snap = build().toJSON() as Record<string, unknown>;
    expect(() => MatchIndex.fromJSON({ ...snap, serializationVersion: 999 })).toThrow(/version/);
    expect(() => MatchIndex.fromJSON(null)).toThrow(/snapshot/);
    expect(() => MatchIndex.fromJSON('nonsense')).toThrow();
  });

  it('refuses features of another version', () => {
    const f = { ...extractMatchFeatures(shootingA1), v: MATCH_FEATURES_VERSION + 1 };
    expect(() => new MatchIndex().add('a1', f)).toThrow(/version/);
  });

  it('add replaces, remove forgets', () => {
    const idx = build();
    expect(idx.size).toBe(corpus.length);
    idx.add('a1', extractMatchFeatures(shootingA1));
    expect(idx.size).toBe(corpus.length);
    idx.remove('a2');
    expect(idx.has('a2')).toBe(false);
    expect(ids(idx.query(extractMatchFeatures(shootingA1), { exclude: ['a1'] }))).not.toContain('a2');
    idx.remove('nope');
    expect(idx.size).toBe(corpus.length - 1);
  });
});

describe('extractMatchFeatures', () => {
  it('is plain JSON', () => {
    const f = extractMatchFeatures(shootingA1Copy);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    expect(f.v).toBe(MATCH_FEATURES_VERSION);
    expect(f.n).toContain('theo quimbly');
  });
});

describe('small corpora', () => {
  it('does not match unrelated articles on ordinary words that only look rare in a small corpus', () => {
    const art = (id: string, title: string, text: string, published: string) =>
      normaliseArticle({ id, title, text, published, source: id.split('-')[0] });
    const corpus = [
      art('lake-1', 'Harbour festival draws record crowds', 'PELLWICK — The harbour festival drew a record number of visitors on Saturday night, organisers said. The festival ran late into the night, and visitors filled the quay for the fireworks and music.', '2026-10-12'),
      art('delta-2', 'Library extends opening hours', 'ELLSBROOK — The central library will stay open until ten at night from next month, the council said, after students asked for more study space.', '2026-10-10'),
      art('delta-3', 'Chess title for fourteen-year-old', 'A fourteen-year-old from Mirrin won the national chess title on Sunday after a final game that lasted six hours.', '2026-10-08'),
    ];
    const choir = art(
      'courier-1',
      'Lighthouse keepers’ choir records its first album',
      'SALT HARROW — The lighthouse keepers’ choir has recorded its first album, a record of sea songs sung over many a long night. The choir will sing it at the village festival, and visitors are welcome.',
      '2026-10-14',
    );
    expect(findMatches(choir, corpus)).toEqual([]);
  });
});

describe('countQuery', () => {
  it('finds what indexing the query would, in the same order, without indexing it', () => {
    const index = new MatchIndex();
    for (const a of corpus) if (a.id !== shootingA2.id) index.add(a.id, extractMatchFeatures(a));
    const q = extractMatchFeatures(shootingA2);
    expect(index.has(shootingA2.id)).toBe(false);
    const counted = index.query(q, { exclude: [shootingA2.id], countQuery: true });
    index.add(shootingA2.id, q);
    const indexed = index.query(q, { exclude: [shootingA2.id] });
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.map((m) => m.id)).toEqual(indexed.map((m) => m.id));
    // Candidate ranking and the second hop still use the indexed count: scores differ a little.
    counted.forEach((m, i) => expect(Math.abs(m.score - indexed[i]!.score)).toBeLessThan(0.05));
  });
});
