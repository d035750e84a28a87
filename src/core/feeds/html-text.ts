// Plain text from the HTML of a feed item, without a DOM: Chrome's service worker has no
// DOMParser, and the text is only ever shown as text. Block elements become line breaks
// (the matcher and the comparison work on lines and sentences), everything else is dropped.
import { decode } from 'html-entities';

const DROP = /<(script|style|noscript|template|iframe|object|svg|math|figure|figcaption|aside|nav|form|button|select|textarea)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const BREAK = /<\s*br\s*\/?\s*>/gi;
const BLOCK = /<\/?\s*(p|div|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|tr|table|dd|dt|pre|hr)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>/g;

export function htmlToText(html: string): string {
  const text = html
    .replace(CDATA, '$1')
    .replace(COMMENT, '')
    .replace(DROP, ' ')
    .replace(BREAK, '\n')
    .replace(BLOCK, '\n')
    .replace(TAG, '');
  return decode(text, { level: 'html5' })
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v\r]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
