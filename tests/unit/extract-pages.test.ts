// Extraction on the fictional article pages: what the content script, the options page's
// HTML import and the CLI all read from a page.
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/cli/load';

const pages = [
  {
    file: 'tests/fixtures/article.html',
    title: 'Orlen Dam release: 9 dead in Lower Korvath flood',
    source: 'Fixture Tribune',
    published: '2026-10-05T15:00:00.000Z',
    byline: 'Rosa Fenwick',
    url: 'https://fixturetribune.example/2026/10/05/orlen-dam-release-korvath-flood',
    contains: '9',
  },
  {
    file: 'demo/pages/brinmoor-factory-fire.html',
    title: '19 killed in Brinmoor factory fire as rioters clash with police',
    source: 'The Meridian Courier',
    published: '2026-10-15T07:00:00.000Z',
    byline: 'Lena Ostrow',
    url: 'https://meridiancourier.example/2026/10/15/brinmoor-factory-fire',
    contains: '60 million crowns',
  },
];

describe('extraction of article pages', () => {
  for (const p of pages) {
    it(p.file, () => {
      const r = loadArticleFile(p.file);
      if (!('article' in r)) throw new Error(r.error);
      const a = r.article;
      expect({ title: a.title, source: a.source, published: a.published, byline: a.byline, url: a.url, lang: a.lang }).toEqual({
        title: p.title,
        source: p.source,
        published: p.published,
        byline: p.byline,
        url: p.url,
        lang: 'en',
      });
      expect(a.text).toContain(p.contains);
      // Navigation, the related-stories box and the footer are not the article.
      expect(a.text).not.toMatch(/Related stories|All rights reserved|Subscribe/i);
      expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(6);
    });
  }

  it('tells a search page from an article', async () => {
    const { JSDOM } = await import('jsdom');
    const { readFileSync } = await import('node:fs');
    const { extractArticle } = await import('../../src/extract/extract');
    for (const f of ['tests/fixtures/not-article.html', 'demo/pages/not-an-article.html']) {
      const dom = new JSDOM(readFileSync(f, 'utf8'));
      expect(extractArticle(dom.window.document, null)).toMatchObject({ ok: false, reason: 'not-article' });
    }
  });

  it('refuses a huge page with a message instead of blocking', async () => {
    const { JSDOM } = await import('jsdom');
    const { extractArticle } = await import('../../src/extract/extract');
    const dom = new JSDOM(`<body>${'<div><span>x</span></div>'.repeat(31_000)}</body>`);
    expect(extractArticle(dom.window.document, null)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
