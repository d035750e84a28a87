// naming: the same person, place or organisation spelled or titled differently
// (Marrow / Morrow; Jean-Marc / Jean Marc; "Interior Minister" / "Security Minister").
import type { Difference, ElsewhereEvidence } from '../types';
import { sentenceText, type EntityFact } from './facts';
import { groupName, type Doc } from './sources';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const squash = (s: string) => fold(s).replace(/[^a-z]/g, '');

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (Haung / Huang is
 * one slip of the keyboard, as Marrow / Morrow is).
 */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const PLACE_OR_BODY = /\b(center|centre|hospital|clinic|university|college|school|academy|department|county|city|street|avenue|road|boulevard|park|church|company|corp|inc|airport|station|club|hall|mall|plaza|center's|institute|agency|office|bureau)\b/i;

/** True when two names are spelling variants of one name (and not simply the same). */
export function spellingVariant(a: string, b: string): boolean {
  const typo = (s: string) => fold(s).replace(/[’`]/g, "'");
  // Case, accents and curly apostrophes are typography, not spelling.
  if (typo(a) === typo(b)) return false;
  // Jean-Marc / Jean Marc. Places and institutions ("Crozer-Chester Medical Center") are
  // hyphenated by each outlet's house style: there it is typography, not another name.
  if (squash(a) === squash(b)) return !PLACE_OR_BODY.test(a) && typo(a).replace(/'/g, '') !== typo(b).replace(/'/g, '');
  const x = a.split(/\s+/), y = b.split(/\s+/);
  if (x.length !== y.length || x.length < 2) return false;
  let diffs = 0;
  for (let i = 0; i < x.length; i++) {
    const p = fold(x[i]!), q = fold(y[i]!);
    if (p === q) continue;
    diffs++;
    const last = i === x.length - 1;
    // "Summit Streets" / "Summit Street": a plural, not a spelling.
    if (p.replace(/s$/, '') === q.replace(/s$/, '')) return false;
    const len = Math.min(p.length, q.length);
    if (len < 5) return false;
    const d = editDistance(p, q);
    // The surname may differ by a letter or two; a first name only by one, same initial
    // (Jon / Joan could be two people, so short first names never count).
    if (last ? d > (len >= 8 ? 2 : 1) : d > 1 || p[0] !== q[0]) return false;
  }
  return diffs === 1;
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|sir|dame|the)$/;
const EXPAND: Record<string, string> = {
  gov: 'governor', sen: 'senator', rep: 'representative', lt: 'lieutenant', sgt: 'sergeant', capt: 'captain',
  det: 'detective', gen: 'general', col: 'colonel', cmdr: 'commander', supt: 'superintendent', atty: 'attorney', pres: 'president',
};

function titleWords(t: string): string[] {
  return fold(t).replace(/\./g, '').split(/\s+/).map((w) => EXPAND[w] ?? w).filter((w) => w && !HONORIFIC.test(w) && w !== 'of');
}

// Offices a person holds one of at a time. Roles such as "leader", "speaker" or "chairman"
// come on top of an office ("Senator" and "Senate Democratic Leader" are both right).
const OFFICE: Record<string, string> = {
  minister: 'minister', secretary: 'minister', governor: 'governor', mayor: 'mayor', president: 'president',
  senator: 'legislator', representative: 'legislator', congressman: 'legislator', congresswoman: 'legislator',
  judge: 'judge', justice: 'judge', ambassador: 'ambassador', sheriff: 'sheriff', prosecutor: 'prosecutor',
};

/**
 * Two titles conflict only when both name an office and the offices differ ("Mayor" / "Governor")
 * or the same office is qualified differently ("Interior Minister" / "Security Minister").
 */
function compatibleTitles(a: string, b: string): boolean {
  const x = titleWords(a), y = titleWords(b);
  if (x.length === 0 || y.length === 0) return true;
  if (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w))) return true;
  const hx = x[x.length - 1]!, hy = y[y.length - 1]!;
  const ox = OFFICE[hx], oy = OFFICE[hy];
  if (!ox || !oy) return true;
  if (ox !== oy) return false;
  // Same office: the qualifiers before it must differ in a known way, not by a place name.
  const qx = x.slice(0, -1).filter((w) => QUALIFIER.has(w)), qy = y.slice(0, -1).filter((w) => QUALIFIER.has(w));
  return qx.length === 0 || qy.length === 0 || qx.some((w) => qy.includes(w)) || hx !== hy && qx.join() === qy.join();
}

const QUALIFIER = new Set(
  'interior foreign security defense defence finance health justice home education labor labour trade energy state prime vice deputy former acting'.split(' '),
);

const wordIn = (text: string, w: string) => new RegExp(`(?<![A-Za-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text);

/** Entities of a document indexed by their folded words: only names sharing a word, or all letters, can be variants. */
const INDEX = new WeakMap<object, Map<string, EntityFact[]>>();
function candidates(d: Doc, name: string): EntityFact[] {
  let idx = INDEX.get(d.f);
  if (!idx) {
    idx = new Map();
    for (const e of d.f.entities) {
      for (const k of [...fold(e.name).split(/[\s-]+/), '#' + squash(e.name)]) idx.set(k, [...(idx.get(k) ?? []), e]);
    }
    INDEX.set(d.f, idx);
  }
  const out = new Set<EntityFact>();
  for (const k of [...fold(name).split(/[\s-]+/), '#' + squash(name)]) for (const e of idx.get(k) ?? []) out.add(e);
  return [...out];
}

export function namingDifferences(target: Doc, groups: Doc[][]): Difference[] {
  const out: Difference[] = [];
  for (const mine of target.f.entities) {
    // Spelling.
    const ev: ElsewhereEvidence[] = [];
    const names: string[] = [];
    let theirName = '';
    for (const g of groups) {
      for (const d of g) {
        const other = candidates(d, mine.name).find((e) => spellingVariant(mine.name, e.name));
        if (!other) continue;
        // Each side uses only its own spelling: otherwise it is two people, or a typo the outlet also got right.
        if (d.f.entities.some((e) => e.name === mine.name) || target.f.entities.some((e) => e.name === other.name)) continue;
        if (!wordsDiffer(target.a.text, d.a.text, mine.name, other.name)) continue;
        ev.push({ id: d.a.id, source: d.a.source, value: other.name, sentence: sentenceText(d.a, d.f, other.s[0]!) });
        names.push(`${groupName(g)} writes ${other.name}`);
        theirName ||= other.name;
        break;
      }
    }
    if (ev.length) {
      out.push({
        kind: 'naming', topic: mine.name,
        summary: `Others spell the name differently: here ${mine.name}, ${names.join('; ')}`,
        here: { value: mine.name, sentence: sentenceText(target.a, target.f, mine.s[0]!) },
        elsewhere: ev,
      });
    }
    // Titles.
    if (mine.t?.length) out.push(...titleDifference(target, groups, mine));
  }
  return out;
}

/** The variant spellings really are absent from the other text (case-sensitive whole words). */
function wordsDiffer(here: string, there: string, a: string, b: string): boolean {
  const aw = a.split(/[\s-]+/), bw = b.split(/[\s-]+/);
  const onlyA = aw.filter((w) => !bw.includes(w));
  const onlyB = bw.filter((w) => !aw.includes(w));
  if (onlyA.length === 0 && onlyB.length === 0) return !here.includes(b) && !there.includes(a);
  return onlyA.every((w) => !wordIn(there, w)) && onlyB.every((w) => !wordIn(here, w));
}

function titleDifference(target: Doc, groups: Doc[][], mine: EntityFact): Difference[] {
  const ev: ElsewhereEvidence[] = [];
  const names: string[] = [];
  for (const g of groups) {
    const theirs = g.flatMap((d) => d.f.entities.filter((e) => e.name === mine.name && e.t?.length).map((e) => ({ d, e })));
    if (theirs.length === 0) continue;
    const all = theirs.flatMap(({ e }) => e.t!.map(([t]) => t));
    if (all.some((t) => mine.t!.some(([m]) => compatibleTitles(m, t)))) continue;
    const { d, e } = theirs[0]!;
    const [t, s] = e.t![0]!;
    ev.push({ id: d.a.id, source: d.a.source, value: `${t} ${e.name}`, sentence: sentenceText(d.a, d.f, s) });
    names.push(`${groupName(g)} says ${t}`);
  }
  if (ev.length === 0) return [];
  const [t, s] = mine.t![0]!;
  return [{
    kind: 'naming', topic: mine.name,
    summary: `Others give ${mine.name} a different title: here ${t}, ${names.join('; ')}`,
    here: { value: `${t} ${mine.name}`, sentence: sentenceText(target.a, target.f, s) },
    elsewhere: ev,
  }];
}
