// Quotations and who said them. A quote is a span in quotation marks of at least five
// words; its speaker is the name next to "said"/"says" around it, when there is one.
import { entitiesIn, GENERIC, STOP_FIRST, TITLES } from './entities';

export interface Quote {
  /** The quoted words as written, without the quotation marks. */
  text: string;
  /** Surname-level speaker ("Halloran"), or null for "he said" and unattributed quotes. */
  speaker: string | null;
  /** The speaker's full name as written, for the summary. */
  speakerName: string | null;
}

const QUOTE = /["“]([^"“”]{20,600}?)["”]/g;
const SAY = '(?:said|says|added|told|stated|declared|wrote|insisted|warned|argued|explained|tweeted)';

/** Quotes in a paragraph (a quote can run over several sentences), with their offsets. */
export function quotesIn(sentence: string): (Quote & { at: number })[] {
  const out: (Quote & { at: number })[] = [];
  QUOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE.exec(sentence))) {
    const text = m[1]!.trim().replace(/[,.]$/, '');
    if (words(text).length < 5) continue;
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const before = sentence.slice(Math.max(0, m.index - 160), m.index);
    let name: string | null = null;
    const a = new RegExp(`^\\s*,?\\s*${SAY}\\s+(.{0,80})`).exec(after) ?? new RegExp(`^\\s*,?\\s*(.{0,80}?)\\s+${SAY}\\b`).exec(after);
    // "said Brathwaite, who had begun ...": a lone surname right after the verb is the speaker.
    if (a) name = (/^[A-Z][a-z'’-]+(?=\s*[,.;]|\s*$)/.test(a[1]!) ? surnameOnly(a[1]!) : null) ?? person(a[1]!, 'first') ?? surnameOnly(a[1]!);
    if (!name) {
      const b = new RegExp(`(.{0,160}?)\\s+(?:had\\s+|has\\s+)?${SAY}(?:\\s+\\w+){0,3}\\s*[:,]?\\s*$`).exec(before) ?? /according to (.{0,60}?)[,:]?\s*$/.exec(before);
      if (b) {
        // "Petra Halloran, leader of the union, told the crowd:": the subject, not the appositive.
        const appos = /^(.*?),[^,]+,\s*$/.exec(b[1]!);
        name = (appos ? person(appos[1]!, 'last') : null) ?? person(b[1]!, 'last') ?? surnameOnly(b[1]!.split(/[.;]/).pop()!);
      }
    }
    // "..., she said": the person last named before the quote in the paragraph.
    if (!name && (/^\s*,?\s*(she|he) (said|says|added|told)\b/i.test(after) || /\b(she|he) (said|says|added|told)[^.]{0,30}[:,]\s*$/i.test(before))) {
      name = person(sentence.slice(Math.max(0, m.index - 300), m.index), 'last');
    }
    out.push({ text, speaker: name ? surnameKey(name) : null, speakerName: name, at: m.index + 1 });
  }
  return out;
}

/** A person's name in a span: an entity that does not end in a generic word ("Union"). */
function person(span: string, which: 'first' | 'last'): string | null {
  const es = entitiesIn(span).filter((e) => !GENERIC.has(e.name.split(/\s+/).pop()!.replace(/['’]s?$/, '')) && !/['’]$/.test(e.name));
  const e = which === 'first' ? es[0] : es[es.length - 1];
  return e?.name ?? null;
}

/** "Halloran said": a capitalised single word that is not a pronoun or a common word. */
function surnameOnly(s: string): string | null {
  const words = s.trim().split(/\s+/);
  while (words.length > 1 && TITLES.has(words[0]!.replace(/\.$/, ''))) words.shift(); // "Gov. Perry"
  const m = /^(?:[A-Z][a-z]+\s+)?([A-Z][a-z'’-]{2,})\b(?!\.)/.exec(words.join(' '));
  if (!m) return null;
  if (/^[A-Z][a-z'’-]+['’]s$/.test(m[1]!) || /['’]s\b/.test(words.join(' ').slice(m.index + m[0].length, m.index + m[0].length + 3))) return null; // "Amil's sister"
  return /^(He|She|They|It|We|I|The|This|That|Police|Officials|Authorities|Witnesses|Mr|Mrs|Ms|Dr)$/.test(m[1]!) || TITLES.has(m[1]!) || STOP_FIRST.has(m[1]!) ? null : m[1]!;
}

export function surnameKey(name: string): string {
  const w = name.trim().split(/\s+/);
  return w[w.length - 1]!.toLowerCase().replace(/['’]s$/, '');
}

/** Words of a quote, contractions spelled out: "we're" and "we are" are the same words. */
export function words(s: string): string[] {
  return (
    s
      // Editors' insertions are not the speaker's words: "(the shooters)", "[sic]", "…".
      .replace(/\([^)]*\)|\[[^\]]*\]|…|\.\.\./g, ' ')
      .replace(/%/g, ' percent')
      // A clock time is house style, not the speaker's words: "6:41pm PST" and "18:41" are one time.
      .replace(/\b\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:PST|PDT|EST|EDT|CST|CDT|MST|MDT|GMT|UTC|BST|CET)\b)?/gi, ' clocktime ')
      .replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, '')) // "E.U." is "EU"
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/\bwon't\b/g, 'will not')
      .replace(/\bcan't\b/g, 'cannot')
      .replace(/n't\b/g, ' not')
      .replace(/'re\b/g, ' are')
      .replace(/'ll\b/g, ' will')
      .replace(/'ve\b/g, ' have')
      .replace(/'m\b/g, ' am')
      .replace(/'d\b/g, ' would')
      .replace(/'s\b/g, '')
      .replace(/'/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}
