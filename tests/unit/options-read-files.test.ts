// @vitest-environment jsdom
// The options page's import: whole-file parsing (JSONL, saved pages, JSON), the streaming line
// splitter that big JSONL files go through, batching, and the settings it saves.
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { LineSplitter, readLines, type Line } from '../../src/options/line-splitter';
import { BATCH, importFiles, parseFile } from '../../src/options/read-files';
import { retentionQuestion } from '../../src/options/settings-panel';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../src/platform/settings';
import type { Article } from '../../src/core/types';

// settings.ts reads storage through the polyfill, which refuses to load outside an extension;
// these tests use only its pure sanitizeSettings.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const para = (topic: string, i: number) =>
  `<p>Paragraph ${i} about the ${topic}: the council met on Tuesday and heard from residents, engineers and the mayor, who said the work would take several more months to finish and cost more than planned.</p>`;

function page(topic: string, head = ''): string {
  const body = Array.from({ length: 6 }, (_, i) => para(topic, i)).join('\n');
  return `<!doctype html><html><head><title>The ${topic} story</title>${head}</head><body><article><h1>The ${topic} story</h1>${body}</article></body></html>`;
}

describe('parseFile: JSONL', () => {
  it('keeps good lines and names bad ones by line number', () => {
    const text = ['{"title":"A","text":"First text."}', '', '{not json', '{"title":"no text"}', '{"title":"B","text":"Second text."}'].join('\n');
    const r = parseFile('a.jsonl', text);
    expect(r.articles.map((a) => a.title)).toEqual(['A', 'B']);
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([
      ['a.jsonl', 3],
      ['a.jsonl', 4],
    ]);
    expect(r.errors[0]!.message).toMatch(/not valid JSON/);
    expect(r.errors[1]!.message).toMatch(/missing "text"/);
  });
});

describe('parseFile: saved pages', () => {
  it('keeps an absolute canonical URL', () => {
    const r = parseFile('index.html', page('harbour', '<link rel="canonical" href="https://news.example/harbour">'));
    expect(r.errors).toEqual([]);
    expect(r.articles[0]!.url).toBe('https://news.example/harbour');
  });

  it('resolves a relative canonical URL against an absolute <base>, and drops it when there is none', () => {
    const based = parseFile('a.html', page('harbour', '<base href="https://news.example/section/"><link rel="canonical" href="/news/123">'));
    expect(based.articles[0]!.url).toBe('https://news.example/news/123');
    const bare = parseFile('a.html', page('harbour', '<link rel="canonical" href="/news/123">'));
    expect(bare.articles[0]!.url).toBeNull();
  });

  it('keeps only http(s) addresses, falling back to og:url', () => {
    const r = parseFile('a.html', page('harbour', '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example/og">'));
    expect(r.articles[0]!.url).toBe('https://news.example/og');
    const none = parseFile('a.html', page('harbour', '<link rel="canonical" href="ftp://news.example/x">'));
    expect(none.articles[0]!.url).toBeNull();
  });

  it('two saved pages with the same file name and no URL are two articles', () => {
    const a = parseFile('index.html', page('harbour')).articles[0]!;
    const b = parseFile('index.html', page('bridge')).articles[0]!;
    expect(a.id).not.toBe(b.id);
    expect(a.id).not.toMatch(/^file:/);
    // The same page read twice keeps its id, so a second import adds nothing.
    expect(parseFile('other-name.html', page('harbour')).articles[0]!.id).toBe(a.id);
  });
});

describe('parseFile: JSON', () => {
  it('reads one object', () => {
    const r = parseFile('one.json', '{"title":"A","text":"Some text."}');
    expect(r.articles.map((a) => a.title)).toEqual(['A']);
    expect(r.errors).toEqual([]);
  });

  it('reads an array, naming bad items by position', () => {
    const r = parseFile('many.json', '[{"title":"A","text":"x"}, {"title":"B"}, 3]');
    expect(r.articles.map((a) => a.title)).toEqual(['A']);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^item 2: /), expect.stringMatching(/^item 3: /)]);
  });

  it('reports invalid JSON and unsupported types', () => {
    expect(parseFile('bad.json', '{').errors[0]!.message).toMatch(/not valid JSON/);
    expect(parseFile('notes.txt', 'hello').errors[0]!.message).toMatch(/unsupported file type/);
  });
});

const texts = (lines: Line[]) => lines.map((l) => [l.n, l.text]);

describe('LineSplitter', () => {
  it('joins a line split across chunks and numbers lines from 1', () => {
    const s = new LineSplitter();
    const out = [...s.push('ab'), ...s.push('c\nde'), ...s.push('f\n\ng'), ...s.end()];
    expect(texts(out)).toEqual([
      [1, 'abc'],
      [2, 'def'],
      [3, ''],
      [4, 'g'],
    ]);
  });

  it('drops CR of CRLF, also when CR and LF are in different chunks', () => {
    const s = new LineSplitter();
    const out = [...s.push('a\r\nb\r'), ...s.push('\nc\r\n'), ...s.end()];
    expect(texts(out)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('a final line without newline is kept; a final newline adds no empty line', () => {
    const s = new LineSplitter();
    expect(texts([...s.push('x\ny'), ...s.end()])).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    const t = new LineSplitter();
    expect(texts([...t.push('x\n'), ...t.end()])).toEqual([[1, 'x']]);
  });

  it('reports a line that is too long without keeping it, and goes on', () => {
    const s = new LineSplitter(5);
    const out = [...s.push('abc'), ...s.push('defgh\nok\n')];
    expect(texts(out)).toEqual([
      [1, null],
      [2, 'ok'],
    ]);
  });
});

function byteStream(chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(c) {
      for (const b of chunks) c.enqueue(b);
      c.close();
    },
  });
}

async function collect(lines: AsyncIterable<Line>): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

describe('readLines', () => {
  it('keeps a multi-byte character whole when a chunk boundary falls inside it', async () => {
    const bytes = new TextEncoder().encode('\uFEFFcafé ✓\r\nnaïve');
    const e = bytes.indexOf(0xc3); // first byte of "é"
    const check = bytes.indexOf(0xe2); // first byte of "✓" (3 bytes)
    const chunks = [bytes.slice(0, e + 1), bytes.slice(e + 1, check + 2), bytes.slice(check + 2)];
    expect(texts(await collect(readLines(byteStream(chunks))))).toEqual([
      [1, 'café ✓'],
      [2, 'naïve'],
    ]);
  });
});

describe('importFiles', () => {
  it('streams JSONL in batches, with bad lines named by file and line', async () => {
    const lines = Array.from({ length: 450 }, (_, i) => (i === 300 ? '{broken' : JSON.stringify({ title: `T${i}`, text: `Text number ${i}.` })));
    const file = new NodeFile([lines.join('\r\n')], 'big.jsonl') as unknown as File;
    const batches: Article[][] = [];
    const r = await importFiles([file], async (b) => void batches.push(b));
    expect(batches.map((b) => b.length)).toEqual([BATCH, BATCH, 49]);
    expect(r.read).toBe(449);
    expect(r.errors).toEqual([{ file: 'big.jsonl', line: 301, message: expect.stringMatching(/not valid JSON/) }]);
    expect(r.stopped).toBeNull();
  });

  it('stops at a store failure, keeping what the earlier batches stored', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ text: `Text ${i}.` }));
    const file = new NodeFile([lines.join('\n')], 'big.ndjson') as unknown as File;
    let calls = 0;
    const r = await importFiles([file, new NodeFile(['{"text":"x"}'], 'more.json') as unknown as File], async () => {
      if (++calls === 2) throw new Error('The browser has no more storage');
    });
    expect(calls).toBe(2);
    expect(r.stopped).toMatch(/no more storage/);
  });

  it('refuses whole-file formats past the size cap, and reports a page that cannot be read', async () => {
    const big = { name: 'huge.html', size: 21 * 1024 * 1024, text: async () => '' } as unknown as File;
    const odd = { name: 'odd.html', size: 10, text: async () => Promise.reject(new Error('boom')) } as unknown as File;
    const r = await importFiles([big, odd], async () => undefined);
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([
      ['huge.html', 0],
      ['odd.html', 0],
    ]);
    expect(r.errors[0]!.message).toMatch(/file too large/);
    expect(r.errors[1]!.message).toMatch(/boom/);
  });
});

describe('settings', () => {
  it('sanitizeSettings clamps out-of-range numbers and replaces wrong types with defaults', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ maxArticles: 3, maxAgeDays: 99_999, keepReadArticles: false, feedRefreshMinutes: 1, fetchArticlePages: false })).toEqual({
      schemaVersion: 1,
      keepReadArticles: false,
      maxArticles: 10,
      maxAgeDays: 36_500,
      feedRefreshMinutes: 15,
      fetchArticlePages: false,
    });
    expect(sanitizeSettings({ maxArticles: '500', maxAgeDays: NaN, keepReadArticles: 'yes', fetchArticlePages: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ maxArticles: 250.6, maxAgeDays: Infinity }).maxArticles).toBe(251);
    expect(sanitizeSettings({ maxAgeDays: Infinity }).maxAgeDays).toBe(DEFAULT_SETTINGS.maxAgeDays);
  });

  it('a smaller limit asks first, naming how many articles would go', () => {
    expect(retentionQuestion(20, { maxArticles: 100, maxAgeDays: 30 })).toMatch(/at most 100 articles, none added more than 30 days ago\? The oldest 20 articles will be removed/);
    expect(retentionQuestion(1, { maxArticles: 100, maxAgeDays: 1 })).toMatch(/1 day ago\? The oldest 1 article will be removed/);
    expect(retentionQuestion(0, { maxArticles: 100, maxAgeDays: 30 })).toBeNull();
  });
});
