// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';

const para = (n: number) =>
  `<p>Paragraph ${n}: the council met on Tuesday to discuss the budget, and members argued at length about the cost of the new bridge, the delays and the contractors involved in the work.</p>`;

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html lang="en"><head><title>Doc title</title>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('extractArticle', () => {
  const head =
    '<meta property="og:site_name" content="The Test Herald"><meta property="article:published_time" content="2024-05-01T10:00:00Z"><meta name="author" content="A. Writer">';
  const body = `<nav><a href="/">Home</a></nav><article><h1>Bridge budget row</h1>${[1, 2, 3, 4, 5].map(para).join('')}</article><footer>© Herald</footer>`;

  it('reads title, site, date, text and paragraphs from an article page', () => {
    const doc = page(body, head);
    const r = extractArticle(doc, 'http://127.0.0.1/a');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.source).toBe('The Test Herald');
    expect(r.article.published).toBe('2024-05-01T10:00:00.000Z');
    expect(r.article.byline).toBe('A. Writer');
    expect(r.article.lang).toBe('en');
    expect(r.paragraphs).toHaveLength(5);
    expect(r.article.text).toContain('Paragraph 3');
    expect(r.article.text).not.toContain('Home');
  });

  it('does not change the page', () => {
    const doc = page(body, head);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, null);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says when a page is not an article, unless forced', () => {
    const doc = page('<ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>');
    const r = extractArticle(doc, null);
    expect(r).toMatchObject({ ok: false, reason: 'not-article' });
  });
});
