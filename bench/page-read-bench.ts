// `npx tsx bench/page-read-bench.ts [--json]`: how long reading one fetched article page
// takes, as the worker does it for feed items' pages: Readability in Chrome's offscreen
// document (the worker's message to it and back included; the first page also opens it),
// and in Node with jsdom, as the command line reads saved pages. The pages are generated
// (fictional text): a news page's furniture (menus, teasers, inline scripts, comments)
// around an article of 400 to 3,000 words, from 60 KB to the 5 MB the worker accepts.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/extract/extract';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, 'build/chrome-test');
const json = process.argv.includes('--json');
const RUNS = 15;

const words = ['harbour', 'council', 'inquiry', 'crane', 'pier', 'report', 'minister', 'budget', 'tide', 'quay', 'engineer', 'inspection', 'witness', 'statement', 'Wendmoor', 'authority'];
function sentence(seed: number): string {
  const n = 14 + (seed % 9);
  const w = Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]);
  return w[0]![0]!.toUpperCase() + w.join(' ').slice(1) + '.';
}

/** A page of about `kb` kilobytes holding an article of `articleWords` words. */
export function newsPage(articleWords: number, kb: number): string {
  const paras: string[] = [];
  for (let w = 0, s = 0; w < articleWords; s++) {
    const p = Array.from({ length: 4 }, (_, i) => sentence(s * 4 + i)).join(' ');
    paras.push(`<p class="body-text" data-para="${s}">${p}</p>`);
    w += p.split(' ').length;
  }
  const nav = `<header><nav class="menu">${Array.from({ length: 120 }, (_, i) => `<a class="menu-link" href="/section/${i}">Section ${i}</a>`).join('')}</nav></header>`;
  const teasers = (n: number) => Array.from({ length: n }, (_, i) => `<div class="teaser"><a href="/story/${i}"><img src="/img/${i}.jpg" alt=""><span class="teaser-title">${sentence(i + 900)}</span></a></div>`).join('');
  const article = `<main><article><h1>Wendmoor crane inquiry</h1><p class="byline">By a staff writer</p><time datetime="2026-10-20">20 October 2026</time>${paras.join('')}</article></main>`;
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Wendmoor crane inquiry | Port Desk</title><meta property="og:title" content="Wendmoor crane inquiry"></head><body>`;
  const foot = `<footer>${teasers(30)}<p>Subscribe to our newsletter.</p></footer></body></html>`;
  let page = head + nav + `<aside>${teasers(40)}</aside>` + article + `<section class="comments">${teasers(20)}</section>`;
  // The rest of the size in inline scripts (state blobs, trackers), as large outlets ship them.
  const blob = `<script type="application/json">${JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, title: sentence(i + 500), tags: words })) })}</script>`;
  while (page.length + foot.length < kb * 1000) page += blob;
  return page + foot;
}

const pages = [
  { name: 'article 400 words, 60 KB', html: newsPage(400, 60) },
  { name: 'article 1,500 words, 400 KB', html: newsPage(1500, 400) },
  { name: 'article 3,000 words, 2 MB', html: newsPage(3000, 2000) },
  { name: 'article 1,500 words, 4.9 MB', html: newsPage(1500, 4900) },
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rows: { name: string; where: 'node' | 'chromium'; bytes: number; p50_ms: number; p95_ms: number; first_ms?: number; words: number }[] = [];

// Node: what the command line does with a saved page.
for (const p of pages) {
  const times: number[] = [];
  let got = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const dom = new JSDOM(p.html, { url: 'https://port-desk.example/crane', virtualConsole: new VirtualConsole() });
    const r = extractArticle(dom.window.document, 'https://port-desk.example/crane', { force: true });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${p.name}: ${r.message}`);
    got = r.article.text.split(/\s+/).length;
  }
  rows.push({ name: p.name, where: 'node', bytes: p.html.length, p50_ms: +pct(times, 50).toFixed(1), p95_ms: +pct(times, 95).toFixed(1), words: got });
}

// Chromium: the worker's own call, timed inside the worker.
if (!existsSync(join(EXT, 'manifest.json'))) execFileSync('node', ['scripts/build.mjs', '--test'], { cwd: ROOT, stdio: 'ignore' });
// @ts-expect-error: the browser-test helpers are plain JavaScript modules without types.
const lib = (await import('../tests/e2e/lib/browsers.mjs')) as any;
const chromium = await lib.launchChromium(EXT);
try {
  const worker = await chromium.worker();
  for (const p of pages) {
    const r = await worker.evaluate(
      async (html: string, runs: number) => {
        const P = (globalThis as any).__parallax;
        await P.closeOffscreen();
        const times: number[] = [];
        let words = 0;
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const got = await P.extractHtml(html, 'https://port-desk.example/crane');
          times.push(performance.now() - t0);
          if (!got.ok) throw new Error(got.message);
          words = got.article.text.split(/\s+/).length;
        }
        await P.closeOffscreen();
        return { times, words };
      },
      p.html,
      RUNS,
    );
    const [first, ...rest] = r.times as number[];
    rows.push({ name: p.name, where: 'chromium', bytes: p.html.length, first_ms: Math.round(first!), p50_ms: +pct(rest, 50).toFixed(1), p95_ms: +pct(rest, 95).toFixed(1), words: r.words });
  }
} finally {
  await chromium.close();
}

for (const r of rows) {
  if (json) console.log(JSON.stringify({ name: `read-page: ${r.name}`, where: r.where, bytes: r.bytes, p50_ms: r.p50_ms, p95_ms: r.p95_ms, ...(r.first_ms !== undefined ? { first_ms: r.first_ms } : {}), words: r.words }));
  else console.log(`${r.where.padEnd(8)} ${r.name.padEnd(30)} ${(r.bytes / 1e6).toFixed(2)} MB  p50 ${r.p50_ms} ms  p95 ${r.p95_ms} ms${r.first_ms !== undefined ? `  first (opens the offscreen document) ${r.first_ms} ms` : ''}  ${r.words} words read`);
}
