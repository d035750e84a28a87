import { describe, expect, it } from 'vitest';
import { normaliseUrl, toArticle } from './article';

describe('normaliseUrl', () => {
  it('drops fragments and tracking parameters, keeps the rest', () => {
    expect(normaliseUrl('https://News.Example/a/b?id=3&utm_source=x&fbclid=y#comments')).toBe('https://news.example/a/b?id=3');
    expect(normaliseUrl('https://news.example/a?utm_medium=m')).toBe('https://news.example/a');
  });
  it('refuses what is not an http(s) URL', () => {
    for (const v of ['javascript:alert(1)', '/news/123', 'file:///tmp/x.html', '', null, 42]) expect(normaliseUrl(v)).toBeNull();
  });
  it('gives one id to one article reached through different tracking links', () => {
    const a = toArticle({ text: 'x', url: 'https://n.example/a?utm_source=tw' });
    const b = toArticle({ text: 'y', url: 'https://n.example/a#top' });
    expect(a.ok && b.ok && a.article.id === b.article.id).toBe(true);
  });
});

describe('toArticle', () => {
  it('keeps "partial" only when it is true (a summary of the article), and drops anything else', () => {
    const of = (partial: unknown) => {
      const r = toArticle({ text: 'A summary.', partial });
      return r.ok ? r.article : null;
    };
    expect(of(true)!.partial).toBe(true);
    for (const v of [false, 'true', 1, null, undefined]) expect('partial' in of(v)!).toBe(false);
  });
});
