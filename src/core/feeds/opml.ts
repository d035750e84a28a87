// OPML, the file every feed reader imports and exports its subscriptions in: a reader who
// moves to Parallax brings their feeds in one file, and takes them out the same way.
// Reading is a scan of <outline> elements' attributes rather than a strict XML parse: exports
// in the wild carry stray "&"s and undeclared entities that a strict parser refuses, and the
// one thing wanted from them is each outline's xmlUrl. Categories (outlines that hold
// outlines) are flattened: Parallax has no folders.
import { decode } from 'html-entities';
import { normaliseUrl } from '../article';

/** An OPML file larger than this is not a list of subscriptions. */
export const MAX_OPML_CHARS = 2_000_000;
/** Feeds taken from one file; the rest are counted as skipped (each is one more site to allow, and one more fetch per refresh). */
export const MAX_OPML_FEEDS = 500;

export interface OpmlFeed {
  url: string;
  title: string | null;
}

export interface OpmlRead {
  /** Distinct http(s) feed addresses, in file order. */
  feeds: OpmlFeed[];
  /** Outlines with a feed address that is not http(s) or not an address, repeats, and those past MAX_OPML_FEEDS. */
  skipped: number;
}

export class OpmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

const COMMENT = /<!--[\s\S]*?-->/g;
const OUTLINE = /<outline\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Reads the feeds of an OPML file. Throws OpmlError when the text is not OPML. */
export function readOpml(text: string): OpmlRead {
  if (text.length > MAX_OPML_CHARS) throw new OpmlError(`The file is larger than ${MAX_OPML_CHARS / 1e6} MB: it is not a list of feeds.`);
  const body = text.replace(/^\uFEFF/, '').replace(COMMENT, '');
  if (!/<opml\b/i.test(body.slice(0, 5000))) throw new OpmlError('This is not an OPML file (no <opml> element): export your subscriptions from your feed reader as OPML.');
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const m of body.matchAll(OUTLINE)) {
    const attrs = attributes(m[1]!);
    const raw = attrs.get('xmlurl');
    if (raw === undefined) continue; // a category, or a plain link
    const url = normaliseUrl(raw.trim());
    if (!url || seen.has(url) || feeds.length >= MAX_OPML_FEEDS) {
      skipped++;
      continue;
    }
    seen.add(url);
    const title = (attrs.get('title') ?? attrs.get('text') ?? '').replace(/\s+/g, ' ').trim();
    feeds.push({ url, title: title || null });
  }
  return { feeds, skipped };
}

/** Attribute names lower-cased (exports write xmlUrl, xmlurl and XMLURL), values decoded. */
function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of s.matchAll(ATTR)) {
    const name = a[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decode(a[2] ?? a[3] ?? '', { level: 'html5' }));
  }
  return out;
}

export interface OpmlEntry {
  url: string;
  title: string | null;
  site: string | null;
}

/** The subscriptions as an OPML 2.0 file that feed readers import. */
export function writeOpml(feeds: readonly OpmlEntry[], created: Date = new Date()): string {
  const lines = feeds.map((f) => {
    const name = f.title ?? f.url;
    const site = f.site ? ` htmlUrl="${escapeXml(f.site)}"` : '';
    return `    <outline type="rss" text="${escapeXml(name)}" title="${escapeXml(name)}" xmlUrl="${escapeXml(f.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Parallax feeds</title>',
    `    <dateCreated>${created.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function escapeXml(s: string): string {
  // Control characters other than tab and newlines are not allowed in XML at all.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' })[c]};`);
}
