// Number expressions as intervals. "26" is [26, 26]; "hundreds" is [200, 999];
// "more than 4,000" is [4001, ∞); "about 4,266" is 4,266 ± 10 %. Two reports conflict only
// when their intervals cannot both be true, so vague and approximate wording never
// produces a finding against a compatible exact figure.

export interface Interval {
  lo: number;
  /** null = unbounded above (JSON has no Infinity). */
  hi: number | null;
}

export interface NumberMatch {
  /** Offsets within the string that was scanned. */
  start: number;
  end: number;
  interval: Interval;
  /** The expression as written, e.g. "more than 4,000". */
  text: string;
  /** True when the value is a bare integer with no modifier: only these count as "exact". */
  exact: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3 };

const VAGUE: [RegExp, Interval][] = [
  [/^tens of thousands$/, { lo: 20_000, hi: 99_999 }],
  [/^hundreds of thousands$/, { lo: 200_000, hi: 999_999 }],
  [/^(several )?dozens$/, { lo: 24, hi: 99 }],
  [/^(several )?hundreds$/, { lo: 200, hi: 999 }],
  [/^(several )?thousands$/, { lo: 2_000, hi: 99_999 }],
  [/^millions$/, { lo: 2e6, hi: 999e6 }],
  [/^scores$/, { lo: 20, hi: 199 }],
  [/^(a dozen|one dozen)$/, { lo: 10, hi: 14 }],
  [/^(half a dozen|a half-dozen|a half dozen)$/, { lo: 5, hi: 7 }],
  [/^(two dozen)$/, { lo: 20, hi: 28 }],
];

const WORD = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
const SCALE = `(?:[ -](?:hundred|thousand|million|billion|trillion)|(?:m|bn|k)\\b)?`;
const VAGUE_RE = `tens of thousands|hundreds of thousands|(?:several )?dozens|(?:several )?hundreds|(?:several )?thousands|millions|scores|half a dozen|a half[- ]dozen|two dozen|a dozen|one dozen`;
export const ATOM = `(?:${VAGUE_RE}|(?:a |one )(?:hundred|thousand|million)|(?:${DIGITS}|${WORD})${SCALE})`;

const ATOM_RE = new RegExp(`(?<![\\w.,]|[a-z]-)(${ATOM})(?![\\w]|[.,]\\d)`, 'gi');

/** The value of one atom ("4,266", "twenty-six", "1.5 million", "a hundred"), or null. */
export function atomValue(raw: string): Interval | null {
  const s = raw.toLowerCase().trim();
  for (const [re, iv] of VAGUE) if (re.test(s)) return iv;
  let m = /^(?:a|one) (hundred|thousand|million)$/.exec(s);
  if (m) return point(SCALES[m[1]!]!);
  m = new RegExp(`^(${DIGITS}|${WORD})(?:[ -]?(hundred|thousand|million|billion|trillion|m|bn|k))?$`).exec(s);
  if (!m) return null;
  let n: number;
  const head = m[1]!;
  if (/^\d/.test(head)) n = Number(head.replace(/,/g, ''));
  else {
    const [t, u] = head.split(/[- ]/);
    n = (TENS[t!] ?? UNITS[t!] ?? NaN) + (u ? UNITS[u] ?? NaN : 0);
  }
  if (m[2]) n *= SCALES[m[2]]!;
  return Number.isFinite(n) ? point(n) : null;
}

const point = (n: number): Interval => ({ lo: n, hi: n });

// Modifiers that come right before the number (matched at the end of the preceding text).
const MODIFIERS: [RegExp, (iv: Interval) => Interval][] = [
  [/\b(at least|a minimum of|no fewer than|no less than)\s+$/, (iv) => ({ lo: iv.lo, hi: null })],
  [/\b(more than|over|upwards of|in excess of|above|exceeding)\s+$/, (iv) => ({ lo: above(iv.hi ?? iv.lo), hi: null })],
  [/\b(up to|as many as|at most|no more than|a maximum of)\s+$/, (iv) => ({ lo: 0, hi: iv.hi })],
  [/\b(fewer than|less than|under|below)\s+$/, (iv) => ({ lo: 0, hi: below(iv.lo) })],
  [/\b(nearly|almost|close to|just under|just shy of)\s+$/, (iv) => ({ lo: Math.floor((iv.lo) * 0.85), hi: iv.hi })],
  [/\b(about|around|approximately|roughly|some|an estimated|estimated|an approximate|approx\.?|circa|or so)\s+$/, (iv) => approx(iv)],
];

const above = (n: number) => (Number.isInteger(n) ? n + 1 : n * 1.0001);
const below = (n: number) => (Number.isInteger(n) ? Math.max(0, n - 1) : n * 0.9999);
function approx(iv: Interval): Interval {
  const lo = iv.lo, hi = iv.hi ?? iv.lo;
  const d = Math.max(1, Math.round(hi * 0.1));
  return { lo: Math.max(0, Math.floor(lo - d)), hi: Math.ceil(hi + d) };
}

/** All number expressions in a string, with modifiers and ranges folded into one interval. */
export function findNumbers(s: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  ATOM_RE.lastIndex = 0;
  const atoms: { start: number; end: number; iv: Interval; text: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = ATOM_RE.exec(s))) {
    const iv = atomValue(m[1]!);
    if (!iv) continue;
    atoms.push({ start: m.index, end: m.index + m[0].length, iv, text: m[0] });
  }
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    let start = a.start, end = a.end;
    let iv = a.iv;
    let exact = /^[\d,]+$/.test(a.text) || /^[a-z-]+$/i.test(a.text) && iv.lo === iv.hi && !/dozen|hundred|thousand/i.test(a.text);
    // Ranges: "10 to 12", "10-12", "two or three", "between 10 and 12".
    const b = atoms[i + 1];
    if (b) {
      const gap = s.slice(a.end, b.start);
      const betw = /\bbetween\s+$/i.test(s.slice(Math.max(0, a.start - 10), a.start));
      if (/^\s*(to|-|–|or)\s*$/i.test(gap) || (betw && /^\s*and\s*$/i.test(gap))) {
        const lo = Math.min(a.iv.lo, b.iv.lo), hi = Math.max(a.iv.hi ?? a.iv.lo, b.iv.hi ?? b.iv.lo);
        // "3-2" or "2 to 1" is a score or ratio, not a range.
        if (a.iv.lo < (b.iv.hi ?? Infinity)) {
          iv = { lo, hi };
          end = b.end;
          exact = false;
          if (betw) start = s.slice(0, a.start).search(/between\s+$/i);
          i++;
        }
      }
    }
    const before = s.slice(Math.max(0, start - 30), start).toLowerCase();
    for (const [re, f] of MODIFIERS) {
      const mm = re.exec(before);
      if (mm) {
        iv = f(iv);
        start = start - before.length + mm.index;
        exact = false;
        break;
      }
    }
    out.push({ start, end, interval: iv, text: s.slice(start, end), exact });
  }
  return out;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= (b.hi ?? Infinity) && b.lo <= (a.hi ?? Infinity);
}

export function formatInterval(iv: Interval): string {
  const f = (n: number) => n.toLocaleString('en-US');
  if (iv.hi === null) return `≥ ${f(iv.lo)}`;
  return iv.lo === iv.hi ? f(iv.lo) : `${f(iv.lo)}–${f(iv.hi)}`;
}
