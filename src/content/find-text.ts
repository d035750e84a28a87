// Finds a sentence of the extracted article in the live page, as a DOM Range. The page's
// whitespace differs from the extracted text (line breaks, indentation, &nbsp;), so both
// are compared with whitespace collapsed, keeping a map back to the page's text nodes.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export function findText(root: Node, sentence: string): Range | null {
  const wanted = collapse(sentence);
  if (wanted.length < 3) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let flat = '';
  const nodes: Text[] = [];
  const offsets: number[] = []; // flat index → offset in its node
  const owners: number[] = []; // flat index → index in nodes
  let lastSpace = true;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement && SKIP.has(t.parentElement.tagName)) continue;
    const k = nodes.push(t) - 1;
    const s = t.data;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      const space = /\s/.test(ch);
      if (space && lastSpace) continue;
      flat += space ? ' ' : ch;
      offsets.push(i);
      owners.push(k);
      lastSpace = space;
    }
  }
  // Whole sentence first; if markup splits it oddly, its opening words.
  let at = flat.indexOf(wanted);
  let len = wanted.length;
  if (at < 0 && wanted.length > 60) {
    const head = wanted.slice(0, 60);
    at = flat.indexOf(head);
    len = head.length;
  }
  if (at < 0) return null;
  const end = at + len - 1;
  const range = doc.createRange();
  range.setStart(nodes[owners[at]!]!, offsets[at]!);
  range.setEnd(nodes[owners[end]!]!, offsets[end]! + 1);
  return range;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
