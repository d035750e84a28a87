// quote: the same quote worded differently, or attributed to a different speaker.
import type { Difference } from '../types';
import { sentenceText, type QuoteFact } from './facts';
import { words } from './quotes';
import { groupName, type Doc } from './sources';

const STOP = new Set('a an the and or but of to in on at for with from by is are was were be been have has had i we you he she they it this that those these who whoever what not no will would can could do did just so as our my your their his her its them us me there here all'.split(' '));
const CONTENT = new WeakMap<string[], Set<string>>();
const content = (ws: string[]) => CONTENT.get(ws) ?? (CONTENT.set(ws, new Set(ws.filter((w) => !STOP.has(w) && w.length > 1))), CONTENT.get(ws)!);

/** How much of the shorter quote's content words the longer one contains (0 when fewer than three). */
function overlap(a: string[], b: string[]): number {
  const sb = content(b);
  const sa = content(a);
  // Short fragments ("the permanent denuclearization of North Korea") match too easily.
  if (Math.min(sa.size, sb.size) < 5) return 0;
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let n = 0;
  for (const w of small) if (big.has(w)) n++;
  return small.size ? n / small.size : 0;
}

function sharesRun(a: string[], b: string[], n: number): boolean {
  const runs = new Set<string>();
  for (let i = 0; i + n <= a.length; i++) runs.add(a.slice(i, i + n).join(' '));
  for (let i = 0; i + n <= b.length; i++) if (runs.has(b.slice(i, i + n).join(' '))) return true;
  return false;
}

const contains = (long: string[], short: string[]) => ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);

const WORDS = new WeakMap<object, string[]>();
const wordsOfQuote = (q: QuoteFact) => WORDS.get(q) ?? (WORDS.set(q, words(q.text)), WORDS.get(q)!);

export function quoteDifferences(target: Doc, groups: Doc[][]): Difference[] {
  const out: Difference[] = [];
  for (const q of target.f.quotes) {
    const qw = wordsOfQuote(q);
    const worded: { g: Doc[]; d: Doc; o: QuoteFact }[] = [];
    const speaker: { g: Doc[]; d: Doc; o: QuoteFact }[] = [];
    for (const g of groups) {
      let best: { d: Doc; o: QuoteFact; sim: number } | null = null;
      for (const d of g) {
        for (const o of d.f.quotes) {
          const ow = wordsOfQuote(o);
          const sim = overlap(qw, ow);
          // And one run of five words in a row: sharing "Middle East" and "Iran" is not one quote.
          if (sim >= 0.75 && sharesRun(qw, ow, 5) && (!best || sim > best.sim)) best = { d, o, sim };
        }
      }
      if (!best) continue;
      const ow = wordsOfQuote(best.o);
      // A shorter excerpt of the same quote is not a different wording.
      const [cs, cl] = content(qw).size <= content(ow).size ? [content(qw), content(ow)] : [content(ow), content(qw)];
      const excerpt = [...cs].every((w) => cl.has(w)) && cs.size < 0.7 * cl.size;
      const same = contains(qw, ow) || contains(ow, qw) || excerpt;
      if (!same && Math.min(qw.length, ow.length) >= 5) worded.push({ g, d: best.d, o: best.o });
      if (q.speaker && best.o.speaker && q.speaker !== best.o.speaker && !sameSurname(q.speaker, best.o.speaker)) speaker.push({ g, d: best.d, o: best.o });
    }
    const here = { value: q.text, sentence: sentenceText(target.a, target.f, q.s) };
    if (speaker.length) {
      out.push({
        kind: 'quote', topic: `"${short(q.text)}"`,
        summary: `Others attribute this quote to someone else: here ${q.speakerName}, ${speaker.map(({ g, o }) => `${groupName(g)} says ${o.speakerName}`).join('; ')}`,
        here: { value: q.speakerName, sentence: here.sentence },
        elsewhere: speaker.map(({ d, o }) => ({ id: d.a.id, source: d.a.source, value: o.speakerName, sentence: sentenceText(d.a, d.f, o.s) })),
      });
    }
    if (worded.length) {
      out.push({
        kind: 'quote', topic: `"${short(q.text)}"`,
        // No speaker in this line: finding who spoke is the weaker guess, and a wrong name here would mislead.
        summary: `The same quote is worded differently: here "${q.text}", ${worded.map(({ g, o }) => `${groupName(g)} has "${o.text}"`).join('; ')}`,
        here,
        elsewhere: worded.map(({ d, o }) => ({ id: d.a.id, source: d.a.source, value: o.text, sentence: sentenceText(d.a, d.f, o.s) })),
      });
    }
  }
  return out;
}

/** Marrow and Morrow are one speaker spelled two ways: that is a naming finding, not a quote one. */
function sameSurname(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) d++;
  return d <= 1;
}

function short(s: string): string {
  const w = s.split(/\s+/);
  return w.length <= 8 ? s : w.slice(0, 8).join(' ') + ' …';
}
