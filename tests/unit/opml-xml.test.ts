// The OPML that the options page exports, read by a strict XML parser (jsdom's): feed readers
// refuse a file that is not well-formed. Here, not in src/core: core never imports jsdom.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { writeOpml } from '../../src/core/feeds/opml';

describe('writeOpml', () => {
  const feeds = [
    { url: 'https://harbour-gazette.example/rss.xml', title: 'Harbour Gazette <Local> & "more"\u0007', site: 'https://harbour-gazette.example/' },
    { url: 'https://courier.example/feed?a=1&b=2', title: null, site: null },
  ];

  it('writes well-formed OPML 2.0, control characters dropped (checked by a strict XML parser)', () => {
    const text = writeOpml(feeds, new Date(Date.UTC(2026, 10, 22, 9, 30)));
    const doc = new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('version')).toBe('2.0');
    expect(doc.querySelector('dateCreated')?.textContent).toBe('Sun, 22 Nov 2026 09:30:00 GMT');
    const outlines = [...doc.querySelectorAll('body > outline')].map((o) => [o.getAttribute('text'), o.getAttribute('xmlUrl'), o.getAttribute('htmlUrl')]);
    expect(outlines).toEqual([
      ['Harbour Gazette <Local> & "more"', 'https://harbour-gazette.example/rss.xml', 'https://harbour-gazette.example/'],
      ['https://courier.example/feed?a=1&b=2', 'https://courier.example/feed?a=1&b=2', null],
    ]);
  });
});
