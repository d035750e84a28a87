// The command line as a user runs it: the built bundle through bin/parallax.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './lib/browsers.mjs';

const parallax = (...args) => spawnSync('node', [join(ROOT, 'bin/parallax.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('parallax compare: the JSON contract on fixture files', () => {
  const r = parallax('compare', 'tests/fixtures/article.html', '--corpus', 'tests/fixtures/corpus-small.jsonl');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['article', 'differences', 'matches']);
  assert.equal(out.article.source, 'Fixture Tribune');
  assert.deepEqual(out.matches.map((m) => m.source).sort(), ['Delta Herald', 'Korvath Wire', 'Lake Times']);
  for (const m of out.matches) for (const k of ['id', 'title', 'source', 'url', 'published', 'score']) assert.ok(k in m, `match.${k}`);
  const kinds = new Set(['numbers', 'timing', 'naming', 'framing', 'quote', 'omitted', 'exclusive']);
  assert.ok(out.differences.length > 0);
  for (const d of out.differences) {
    assert.ok(kinds.has(d.kind), d.kind);
    assert.equal(typeof d.topic, 'string');
    assert.equal(typeof d.summary, 'string');
    assert.ok(d.here === null || typeof d.here.sentence === 'string');
    for (const e of d.elsewhere) for (const k of ['id', 'source', 'value', 'sentence']) assert.ok(k in e, `elsewhere.${k}`);
  }
  const killed = out.differences.find((d) => d.kind === 'numbers' && /kill|dead|die/i.test(d.topic));
  assert.ok(killed, `a death-toll difference: ${JSON.stringify(out.differences.map((d) => d.summary))}`);
});

test('parallax compare: text format, and bad input named by file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const corpus = join(dir, 'mixed.jsonl');
  writeFileSync(corpus, '{"title":"x"\n' + '{"title":"no text"}\n');
  const r = parallax('compare', 'tests/fixtures/article.html', '--corpus', 'tests/fixtures/corpus-small.jsonl', '--corpus', corpus, '--corpus', join(dir, 'missing.jsonl'), '--format', 'text');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /mixed\.jsonl:1/);
  assert.match(r.stderr, /mixed\.jsonl:2/);
  assert.match(r.stderr, /missing\.jsonl/);
  assert.match(r.stdout, /Lake Times/);
  assert.doesNotMatch(r.stdout, /^\s*[{[]/);
});

test('parallax compare: wire copy under another outlet is marked with its first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const lines = readFileSync(join(ROOT, 'tests/fixtures/corpus-small.jsonl'), 'utf8').trim().split('\n');
  const wire = JSON.parse(lines.find((l) => JSON.parse(l).source === 'Korvath Wire'));
  const copy = { ...wire, id: 'riverbend-copy', source: 'Riverbend Echo', url: 'https://riverbend.example/dam' };
  writeFileSync(join(dir, 'corpus.jsonl'), [...lines, JSON.stringify(copy)].join('\n') + '\n');
  const json = parallax('compare', 'tests/fixtures/article.html', '--corpus', join(dir, 'corpus.jsonl'));
  assert.equal(json.status, 0, json.stderr);
  const matches = JSON.parse(json.stdout).matches;
  const first = matches.find((m) => m.sameTextAs === undefined && (m.id === wire.id || m.id === copy.id));
  const second = matches.find((m) => m.sameTextAs !== undefined);
  assert.ok(first && second, JSON.stringify(matches));
  assert.deepEqual([second.sameTextAs, [first.id, second.id].sort()], [first.id, [copy.id, wire.id].sort()]);
  const text = parallax('compare', 'tests/fixtures/article.html', '--corpus', join(dir, 'corpus.jsonl'), '--format', 'text');
  assert.match(text.stdout, /4 other articles \(3 sources\)/);
  assert.match(text.stdout, new RegExp(`same text as ${first.source}`));
});

// A fictional morning briefing: the fixtures' dam spill, then two stories of elsewhere.
const DIGEST = [
  'Orlen Dam release floods Lower Korvath villages',
  'Water released from the Orlen Dam flooded the villages of Hesk, Marrin and Low Tavel in Lower Korvath on Sunday night, and nine people died, regional officials said. About 2,000 residents were evacuated.',
  'Governor Mara Keld said the sirens along the river Tavel had sounded before the gates were opened, and the operator, Tavel Hydro, said it had followed its procedures.',
  'Brell plant fire kills workers in Osterby',
  'A fire at the Brell chemical plant in Osterby killed five workers on Monday, the fire service said. Fire chief Anneke Voss said the blaze started in a storage hall shortly after the night shift began.',
  'Plant manager Tomas Kelder said the company would pay for the funerals of the Brell workers and open its books to the Osterby inspectors.',
  'Dunmore council votes to close Carrow Street library',
  'The Dunmore council voted to close the Carrow Street library after a two-year fight over its budget, with councillor Ruth Amsel casting the deciding vote. Amsel said the Dunmore budget left no other choice.',
  'Readers at the Carrow Street library collected 4,000 signatures against the closure, and the Dunmore Readers Union said it would go to court.',
].join('\n\n');

test('parallax compare: a briefing of several stories is compared on the story it shares, and said to be one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const lines = readFileSync(join(ROOT, 'tests/fixtures/corpus-small.jsonl'), 'utf8').trim().split('\n');
  const briefing = { id: 'morning-digest-2026-10-06', title: 'Morning Digest: what you need to know', text: DIGEST, source: 'Morning Digest', url: 'https://digest.example/2026/10/06', published: '2026-10-06T06:00:00Z' };
  writeFileSync(join(dir, 'corpus.jsonl'), [...lines, JSON.stringify(briefing)].join('\n') + '\n');
  const json = parallax('compare', 'tests/fixtures/article.html', '--corpus', join(dir, 'corpus.jsonl'));
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  const match = out.matches.find((m) => m.id === briefing.id);
  assert.ok(match, `the briefing is matched: ${JSON.stringify(out.matches.map((m) => m.id))}`);
  assert.equal(match.stories, 3);
  const quoted = out.differences.flatMap((d) => d.elsewhere.filter((e) => e.id === briefing.id).map((e) => e.sentence));
  assert.ok(quoted.length > 0, 'its dam story is compared');
  assert.doesNotMatch(quoted.join(' '), /Brell|Osterby|Kelder|Dunmore|Carrow|Amsel/);
  const txt = parallax('compare', 'tests/fixtures/article.html', '--corpus', join(dir, 'corpus.jsonl'), '--format', 'text');
  assert.match(txt.stdout, /Morning Digest: what you need to know \(.*a page of 3 stories, compared on this one\)/);
});

test('parallax match and compare: reading a briefing finds the coverage of each of its stories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const lines = readFileSync(join(ROOT, 'tests/fixtures/corpus-small.jsonl'), 'utf8').trim().split('\n');
  const report = (id, source, text) => JSON.stringify({ id, title: `${source} report`, text, source, url: `https://${id}.example/`, published: '2026-10-06T09:00:00Z' });
  const others = [
    report('osterby-post-fire', 'Osterby Post', 'A fire at the Brell chemical plant in Osterby killed five workers on Monday, fire chief Anneke Voss said.\n\nThe blaze started in a storage hall, and plant manager Tomas Kelder said the Brell company would pay for the funerals.'),
    report('valmont-fire', 'Valmont Wire', 'Five workers died when fire swept through the Brell chemical plant in Osterby, the fire service said.\n\nFire chief Anneke Voss said the storage hall had passed its last inspection, and Tomas Kelder promised to open the books to the Osterby inspectors.'),
    report('dunmore-echo-library', 'Dunmore Echo', 'The Dunmore council voted to close the Carrow Street library, with councillor Ruth Amsel casting the deciding vote.\n\nReaders collected 4,000 signatures against the closure of the Carrow Street library, and the Dunmore Readers Union said it would go to court.'),
  ];
  writeFileSync(join(dir, 'corpus.jsonl'), [...lines, ...others].join('\n') + '\n');
  writeFileSync(join(dir, 'digest.json'), JSON.stringify({ id: 'morning-digest', title: 'Morning Digest: what you need to know', text: DIGEST, source: 'Morning Digest', published: '2026-10-06T06:00:00Z' }));
  const m = parallax('match', join(dir, 'digest.json'), '--corpus', join(dir, 'corpus.jsonl'));
  assert.equal(m.status, 0, m.stderr);
  const ids = JSON.parse(m.stdout).matches.map((x) => x.id);
  // Each story's coverage: the dam spill's reports, the plant fire's two, the library's one.
  for (const id of ['laketimes-2026-10-05-orlen-dam-spill', 'osterby-post-fire', 'valmont-fire', 'dunmore-echo-library']) assert.ok(ids.includes(id), `${id} in ${JSON.stringify(ids)}`);
  assert.ok(!ids.some((id) => /tram|chess/.test(id)), JSON.stringify(ids));
  const c = parallax('compare', join(dir, 'digest.json'), '--corpus', join(dir, 'corpus.jsonl'), '--format', 'text');
  assert.equal(c.status, 0, c.stderr);
  assert.match(c.stdout, /This page holds 3 stories: it is compared on the ones its other sources tell\./);
});

test('parallax compare: a saved feed is a corpus, each item an article; what is not a feed is named', () => {
  const r = parallax('compare', 'tests/fixtures/article.html', '--corpus', 'tests/fixtures/feed-korvath-wire.xml', '--corpus', 'tests/fixtures/broken-feed.rss');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.matches.map((m) => [m.source, m.url, m.published]), [['Korvath Wire', 'https://korvathwire.example/news/korvathwire-2026-10-05-orlen-dam', '2026-10-05T06:45:00.000Z']]);
  assert.ok(out.differences.some((d) => d.kind === 'numbers' && d.elsewhere.some((e) => e.source === 'Korvath Wire')), JSON.stringify(out.differences.map((d) => d.summary)));
  assert.match(r.stderr, /broken-feed\.rss: This is a web page, not a feed/);
});

test('parallax compare: nothing to compare is a non-zero exit with a message', () => {
  const r = parallax('compare', 'tests/fixtures/not-there.html', '--corpus', 'tests/fixtures/corpus-small.jsonl');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not-there\.html/);
});

test('parallax match --all: one line per article, never itself', () => {
  const r = parallax('match', '--corpus', 'tests/fixtures/corpus-small.jsonl', '--all');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  for (const l of lines) assert.ok(!l.matches.some((m) => m.id === l.id));
  const lake = lines.find((l) => l.id.startsWith('laketimes-2026-10-05'));
  assert.equal(lake.matches.length, 2, JSON.stringify(lake));
});

test('match ARTICLE: the matches, and the near misses the popup offers to judge', () => {
  const r = parallax('match', 'demo/pages/brinmoor-factory-fire.html', '--corpus', 'demo/corpus.jsonl');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  // The six reports of the fire and the morning briefing that tells it among other stories.
  assert.equal(out.matches.length, 7, JSON.stringify(out.matches.map((m) => m.id)));
  assert.ok(out.matches.some((m) => m.id === 'calvanymorning-2026-10-15-briefing'));
  assert.deepEqual(out.near.map((m) => m.id), ['ostmarkweekly-2026-10-22-brinmoor-inspections']);
  assert.ok(out.near[0].score >= 0.2 && out.near[0].score < 0.4, String(out.near[0].score));
  assert.ok(out.near[0].reasons.sharedTerms.includes('chained'), JSON.stringify(out.near[0].reasons));
});

test('parallax compare: an article in another language is named as such, matched on its names, and not compared', () => {
  const json = parallax('compare', 'tests/fixtures/article-fr.html', '--corpus', 'tests/fixtures/corpus-small.jsonl');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.article.language, 'fr');
  // The dam story's names ("Orlen", "Hesk", "Tavel Hydro", "Mara Keld") reach its English reports.
  assert.deepEqual(out.matches.map((m) => m.source).sort(), ['Delta Herald', 'Korvath Wire', 'Lake Times']);
  // Read with the English rules, the French text would leave out the dead and the evacuated.
  assert.deepEqual(out.differences, []);
  const text = parallax('compare', 'tests/fixtures/article-fr.html', '--corpus', 'tests/fixtures/corpus-small.jsonl', '--format', 'text');
  assert.match(text.stdout, /This article is in French: Parallax compares English texts only, so its coverage is listed, not compared\./);
  assert.doesNotMatch(text.stdout, /No differences found/);
  // Against unrelated articles only, nothing is matched, and it says why that may be.
  const none = parallax('compare', 'tests/fixtures/article-fr.html', '--corpus', 'tests/fixtures/broken.jsonl', '--format', 'text');
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /This article is in French: Parallax is built for English news; against English coverage it matches on shared names and numbers alone/);
  assert.match(none.stdout, /No other coverage/);
});
