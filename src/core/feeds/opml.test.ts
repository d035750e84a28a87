import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../article';
import { MAX_OPML_FEEDS, OpmlError, readOpml, writeOpml } from './opml';

// Fictional outlets; the shapes are those of real readers' exports (nested categories,
// attribute names in any case, entities, single quotes, comments).
const exported = `<?xml version="1.0" encoding="UTF-8"?>
<!-- <outline xmlUrl="https://commented-out.example/rss"/> -->
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="Harbour Gazette" title="Harbour Gazette - Local news" xmlUrl="https://harbour-gazette.example/rss.xml" htmlUrl="https://harbour-gazette.example/"/>
      <outline type="rss" text="Northwind &amp; Courier" xmlurl="https://courier.example/feed?section=world&amp;format=atom"/>
    </outline>
    <outline text='Politics'>
      <outline type='rss' text='Valmont "Wire"' XMLURL='https://valmont-wire.example/atom.xml?utm_source=opml'></outline>
      <outline type="rss" text="Harbour Gazette again" xmlUrl="https://harbour-gazette.example/rss.xml"/>
      <outline type="rss" text="Old gopher" xmlUrl="gopher://old.example/feed"/>
      <outline type="rss" text="Broken" xmlUrl="not an address"/>
    </outline>
    <outline type="link" text="A bookmark, not a feed" url="https://bookmark.example/"/>
  </body>
</opml>`;

describe('readOpml', () => {
  it('takes every feed, flattening categories, in file order', () => {
    const r = readOpml(exported);
    expect(r.feeds).toEqual([
      { url: 'https://harbour-gazette.example/rss.xml', title: 'Harbour Gazette - Local news' },
      { url: 'https://courier.example/feed?section=world&format=atom', title: 'Northwind & Courier' },
      { url: 'https://valmont-wire.example/atom.xml', title: 'Valmont "Wire"' },
    ]);
    // The repeat, the gopher feed and the non-address; the bookmark and the categories are not feeds.
    expect(r.skipped).toBe(3);
  });

  it('reads an export with a stray ampersand, which a strict parser refuses', () => {
    const r = readOpml('<opml version="2.0"><body><outline text="Fish & Ships" xmlUrl="https://fish.example/rss?a=1&b=2"/></body></opml>');
    expect(r.feeds).toEqual([{ url: 'https://fish.example/rss?a=1&b=2', title: 'Fish & Ships' }]);
  });

  it('an OPML file without feeds gives none, and says so by an empty list', () => {
    expect(readOpml('<opml version="2.0"><head/><body/></opml>')).toEqual({ feeds: [], skipped: 0 });
  });

  it('refuses what is not OPML with a clear message', () => {
    for (const text of ['<!DOCTYPE html><html><body>Hi</body></html>', '<rss version="2.0"><channel><title>x</title></channel></rss>', '{"feeds": []}', '']) {
      expect(() => readOpml(text)).toThrow(OpmlError);
    }
    expect(() => readOpml('{"feeds": []}')).toThrow(/not an OPML file/);
    expect(() => readOpml('<opml>' + ' '.repeat(2_000_001))).toThrow(/larger than 2 MB/);
  });

  it(`keeps the first ${MAX_OPML_FEEDS} feeds of a huge file and counts the rest`, () => {
    const outlines = Array.from({ length: MAX_OPML_FEEDS + 20 }, (_, i) => `<outline xmlUrl="https://f${i}.example/rss"/>`).join('');
    const r = readOpml(`<opml><body>${outlines}</body></opml>`);
    expect(r.feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(r.feeds.at(-1)!.url).toBe(`https://f${MAX_OPML_FEEDS - 1}.example/rss`);
    expect(r.skipped).toBe(20);
  });

  it('never throws anything but OpmlError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `<opml><body><outline ${s}/></body></opml>`)), (text) => {
        try {
          const r = readOpml(text);
          for (const f of r.feeds) expect(f.url).toMatch(/^https?:\/\//);
        } catch (e) {
          expect(e).toBeInstanceOf(OpmlError);
        }
      }),
    );
  });
});

describe('writeOpml', () => {
  it('what it writes reads back as the same feeds (any titles, any addresses)', () => {
    const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/\s+/g, ' ').trim() || null;
    // Addresses as the options page stores them: already normalised.
    const url = fc.webUrl({ withQueryParameters: true }).filter((u) => normaliseUrl(u) === u);
    const feed = fc.record({ url, title: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), site: fc.option(url, { nil: null }) });
    fc.assert(
      fc.property(fc.uniqueArray(feed, { selector: (f) => f.url, maxLength: 8 }), (list) => {
        expect(readOpml(writeOpml(list))).toEqual({ feeds: list.map((f) => ({ url: f.url, title: clean(f.title ?? f.url) })), skipped: 0 });
      }),
    );
});
});
