// Sentences of an article body with their offsets, so that every finding can quote its
// sentence exactly as it stands in the text. Lines that are not prose (related-link boxes,
// "Read more", share buttons, short headline-like lines, captions) are marked so that no
// finding comes from them.

export interface Sentence {
  /** Offsets into article.text: text.slice(start, end) is the sentence as written. */
  start: number;
  end: number;
}

// Abbreviations after which a period does not end a sentence.
const ABBREV = new Set(
  ('mr mrs ms dr st jr sr lt sgt gen col capt cmdr rep sen gov pres atty dept det insp supt ' +
    'jan feb mar apr aug sept sep oct nov dec no vs inc co corp ltd mt ft ave blvd rd hwy ' +
    'u.s u.k u.n d.c a.m p.m e.g i.e etc al est approx fig gov\'t').split(' '),
);

/** Lines of page furniture: related links, "Read more", share buttons, bylines of a widget. */
export const LINK_BOX =
  /^(related( stories| articles| coverage| content| links?)?|read more|more|see also|also read|read also|watch|video|recommended|trending|click here|sign up|subscribe|advertisement|share( this)?|follow us|photos?|gallery|copyright|©|previous(ly)?:|next:|more from|top stories|latest news|editor'?s note|posted|updated|published|last updated|created)\b[:\s-]*/i;

/** True for a line that is not a piece of the article's prose. */
export function isBoilerLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (LINK_BOX.test(t) || /^©/.test(t)) return true;
  if (/^[»›•▶►→\-–—*|]/.test(t)) return true;
  if (/^(Image|Photo|Slide) \d+ of \d+/i.test(t)) return true; // gallery captions
  if (/(^|\s)(copyright|all rights reserved|please enable javascript|this material may not be published)/i.test(t)) return true;
  // Video carousels and share widgets flattened into text ("CLOSE Skip in Skip x Embed x Share").
  if (/\b(Skip in Skip|Embed x|x Share|Share this|Click to|Sign up for|Subscribe to)\b/i.test(t)) return true;
  // TV transcripts and shouted captions in capitals: not quotable prose.
  const letters = t.replace(/[^A-Za-z]/g, '');
  if (letters.length > 20 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.6) return true;
  const words = t.split(/\s+/).length;
  // A headline-like line: short and without sentence punctuation at its end.
  if (words < 16 && !/[.!?:;]["'”’)\]]*$/.test(t)) return true;
  return false;
}

/** Splits text into prose sentences (boilerplate lines left out), with exact offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text))) {
    const line = m[0];
    if (isBoilerLine(line)) continue;
    splitLine(line, m.index, out);
  }
  return out;
}

function splitLine(line: string, base: number, out: Sentence[]): void {
  let start = 0;
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = line.slice(start, m.index);
      const word = /([A-Za-z.']+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREV.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
    }
    push(line, base, start, end, out);
    start = end;
  }
  push(line, base, start, line.length, out);
}

function push(line: string, base: number, s: number, e: number, out: Sentence[]): void {
  while (s < e && /\s/.test(line[s]!)) s++;
  while (e > s && /\s/.test(line[e - 1]!)) e--;
  if (e - s < 12) return;
  out.push({ start: base + s, end: base + e });
}
