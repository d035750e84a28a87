import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_TEXT_CHARS, FeedError, MAX_FEED_ITEMS, feedLinks, isPartial, outletName, readFeed } from './read-feed';
import { htmlToText } from './html-text';

// Fictional feeds: every outlet, name and event is invented.
const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette - Local news</title>
  <link>https://harbour-gazette.example/</link>
  <language>en</language>
  <item>
    <title>Fire at Brinmoor warehouse: 26 hurt</title>
    <link>https://harbour-gazette.example/news/brinmoor-fire?utm_source=rss</link>
    <pubDate>Tue, 20 Oct 2026 18:05:00 GMT</pubDate>
    <dc:creator>Ada Quell</dc:creator>
    <description>Twenty-six people were hurt &amp; two are missing.</description>
    <content:encoded><![CDATA[<p>Twenty-six people were hurt when fire swept the Brinmoor warehouse on Tuesday.</p><script>alert(1)</script><p>Fire chief Oren Maddox said two workers were still missing.<br>Crews stayed overnight.</p>]]></content:encoded>
  </item>
  <item>
    <title>Council meets on &quot;harbour plan&quot;</title>
    <link>/news/harbour-plan</link>
    <description>&lt;b&gt;The council&lt;/b&gt; debated the harbour plan.</description>
  </item>
  <item><title></title><description></description></item>
</channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Northwind Courier</title>
  <link href="https://courier.example/"/>
  <entry>
    <title>Warehouse fire toll rises</title>
    <link rel="alternate" href="https://courier.example/2026/10/21/fire"/>
    <id>tag:courier.example,2026:fire</id>
    <updated>2026-10-21T07:00:00Z</updated>
    <summary type="html">&lt;p&gt;Hundreds were evacuated from Brinmoor.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>No link here</title>
    <id>tag:courier.example,2026:nolink</id>
    <content type="text">An entry without a link keeps its own id.</content>
  </entry>
</feed>`;

const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://ostmark.example/rss"><title>Ostmark Weekly</title><link>https://ostmark.example/</link></channel>
  <item rdf:about="https://ostmark.example/inspections"><title>Inspections ordered</title><link>https://ostmark.example/inspections</link>
  <description>The council ordered inspections of every warehouse.</description><dc:date>2026-10-22</dc:date></item>
</rdf:RDF>`;

describe('readFeed', () => {
  it('reads RSS 2.0: the fuller of content and description, as text; links, dates, outlet', () => {
    const r = readFeed(rss, 'https://harbour-gazette.example/rss.xml');
    expect(r.title).toBe('Harbour Gazette - Local news');
    expect(r.site).toBe('https://harbour-gazette.example/');
    expect(r.articles).toHaveLength(2);
    expect(r.skipped).toBe(1);
    const [a, b] = r.articles;
    expect(a!.title).toBe('Fire at Brinmoor warehouse: 26 hurt');
    expect(a!.text).toBe('Twenty-six people were hurt when fire swept the Brinmoor warehouse on Tuesday.\nFire chief Oren Maddox said two workers were still missing.\nCrews stayed overnight.');
    expect(a!.text).not.toContain('alert');
    expect(a!.url).toBe('https://harbour-gazette.example/news/brinmoor-fire');
    expect(a!.published).toBe('2026-10-20T18:05:00.000Z');
    expect(a!.source).toBe('Harbour Gazette');
    expect(a!.byline).toBe('Ada Quell');
    expect(a!.lang).toBe('en');
    expect(b!.title).toBe('Council meets on "harbour plan"');
    expect(b!.text).toBe('The council debated the harbour plan.');
    expect(b!.url).toBe('https://harbour-gazette.example/news/harbour-plan');
    expect(b!.published).toBeNull();
    // The first gives its article beside a summary; the second only a short description, a
    // summary: what it leaves out says nothing of what its article leaves out.
    expect(a!.partial).toBeUndefined();
    expect(b!.partial).toBe(true);
  });

  it('takes an item for its whole article only when its text is long and does not send the reader on', () => {
    const body = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of the Brinmoor warehouse fire report, with what the fire chief said.`).join('\n\n');
    const feed = (text: string) => `<rss version="2.0"><channel><title>T</title><item><title>Fire</title><link>https://t.example/1</link><description><![CDATA[${text}]]></description></item></channel></rss>`;
    expect(body.length).toBeGreaterThan(FULL_TEXT_CHARS);
    expect(readFeed(feed(body), 'https://t.example/rss').articles[0]!.partial).toBeUndefined();
    expect(readFeed(feed(body + ' Read more'), 'https://t.example/rss').articles[0]!.partial).toBe(true);
    expect(readFeed(feed(body + ' […]'), 'https://t.example/rss').articles[0]!.partial).toBe(true);
    expect(readFeed(feed(body.slice(0, 1000)), 'https://t.example/rss').articles[0]!.partial).toBe(true);
    expect(isPartial(body + '…')).toBe(true);
    // A short article given in full beside its summary is the article.
    const both = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><title>Fire</title><link>https://t.example/2</link><description>Fire at the warehouse.</description><content:encoded><![CDATA[${body.slice(0, 600)}]]></content:encoded></item></channel></rss>`;
    expect(readFeed(both, 'https://t.example/rss').articles[0]!.partial).toBeUndefined();
  });

  it('reads Atom, and gives an entry without a link an id of its own in this feed', () => {
    const r = readFeed(atom, 'https://courier.example/atom.xml');
    expect(r.articles.map((a) => [a.title, a.url, a.published, a.source])).toEqual([
      ['Warehouse fire toll rises', 'https://courier.example/2026/10/21/fire', '2026-10-21T07:00:00.000Z', 'Northwind Courier'],
      ['No link here', null, null, 'Northwind Courier'],
    ]);
    expect(r.articles[0]!.text).toBe('Hundreds were evacuated from Brinmoor.');
    const again = readFeed(atom, 'https://courier.example/atom.xml').articles[1]!.id;
    expect(r.articles[1]!.id).toMatch(/^f-/);
    expect(again).toBe(r.articles[1]!.id);
    expect(readFeed(atom, 'https://other.example/atom.xml').articles[1]!.id).not.toBe(again);
  });

  it('reads RDF (RSS 1.0)', () => {
    const r = readFeed(rdf, 'https://ostmark.example/rss');
    expect(r.articles.map((a) => [a.title, a.url, a.published?.slice(0, 10), a.source])).toEqual([
      ['Inspections ordered', 'https://ostmark.example/inspections', '2026-10-22', 'Ostmark Weekly'],
    ]);
  });

  it('keeps the same ids when the same feed is read twice (so a refresh adds nothing twice)', () => {
    const ids = (s: string) => readFeed(s, 'https://harbour-gazette.example/rss.xml').articles.map((a) => a.id);
    expect(ids(rss)).toEqual(ids(rss));
  });

  it('keeps the newest items of a very long feed', () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, i) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link><description>Text ${i}</description></item>`).join('');
    const r = readFeed(`<rss version="2.0"><channel><title>X</title>${items}</channel></rss>`, 'https://x.example/rss');
    expect(r.articles).toHaveLength(MAX_FEED_ITEMS);
    expect(r.skipped).toBe(5);
    expect(r.articles[0]!.title).toBe('Item 0');
  });

  it('says what is wrong with what is not a feed', () => {
    expect(() => readFeed('{"items": []}', 'https://x.example/feed')).toThrow(/not an RSS or Atom feed/);
    expect(() => readFeed('', 'https://x.example/feed')).toThrow(FeedError);
    expect(() => readFeed('<!doctype html><html><head><title>Home</title></head></html>', 'https://x.example/')).toThrow(/web page, not a feed, and it names no feed/);
    expect(() => readFeed('x'.repeat(5_000_001), 'https://x.example/feed')).toThrow(/larger than 5 MB/);
  });

  it('names the feeds a web page points to', () => {
    const page = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">
      <link type='application/atom+xml' href='https://feeds.example/atom' rel='alternate'>
      <link rel="alternate" type="text/html" href="/en">
    </head><body></body></html>`;
    expect(feedLinks(page, 'https://site.example/home')).toEqual(['https://site.example/rss.xml', 'https://feeds.example/atom']);
    try {
      readFeed(page, 'https://site.example/home');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FeedError);
      expect((e as FeedError).links).toEqual(['https://site.example/rss.xml', 'https://feeds.example/atom']);
      expect((e as Error).message).toMatch(/names feeds: https:\/\/site.example\/rss.xml/);
    }
  });

  it('never fails with anything but a FeedError, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `<rss><channel><item><title>${s}</title><description>${s}</description></item></channel></rss>`)), (body) => {
        try {
          const r = readFeed(body, 'https://x.example/feed');
          for (const a of r.articles) expect(a.text.trim()).not.toBe('');
        } catch (e) {
          expect(e).toBeInstanceOf(FeedError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('outletName', () => {
  it('takes the outlet from a feed title', () => {
    expect(outletName('Harbour Gazette - Local news')).toBe('Harbour Gazette');
    expect(outletName('NWC > World')).toBe('NWC');
    expect(outletName('Ostmark Weekly')).toBe('Ostmark Weekly');
    expect(outletName('Half-Moon Bay Times')).toBe('Half-Moon Bay Times');
    expect(outletName(null)).toBeNull();
  });
});

describe('htmlToText', () => {
  it('keeps the text and the line breaks of the blocks, and nothing of scripts, styles or tags', () => {
    expect(htmlToText('<h2>Title</h2><p>One &amp; two&nbsp;three</p><style>p{}</style><ul><li>a</li><li>b</li></ul><!-- x --><p><a href="/y" onclick="z()">link</a> text</p>')).toBe('Title\nOne & two three\na\nb\nlink text');
    expect(htmlToText('Plain text, 5 &lt; 6')).toBe('Plain text, 5 < 6');
    expect(htmlToText('<img src=x onerror=alert(1)>')).toBe('');
  });
});
