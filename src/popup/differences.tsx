import { useState } from 'preact/hooks';
import type { Difference, DifferenceKind } from '../core/types';

function ShowInPage({ sentence, onShow }: { sentence: string; onShow: (sentence: string) => Promise<boolean> }) {
  const [note, setNote] = useState<string | null>(null);
  async function show() {
    try {
      setNote((await onShow(sentence)) ? null : 'not found on the page');
    } catch {
      setNote('Parallax cannot reach the page (closed, or reloaded without access)');
    }
  }
  return (
    <>
      {' '}
      <button type="button" class="link small" data-testid="show-in-page" onClick={show}>
        Show in page
      </button>
      {note && (
        <span class="small muted" role="status">
          {' '}
          ({note})
        </span>
      )}
    </>
  );
}

const KIND_LABEL: Record<DifferenceKind, string> = {
  numbers: 'Numbers',
  timing: 'Dates',
  naming: 'Names',
  framing: 'Wording',
  quote: 'Quotes',
  omitted: 'Not in this article',
  exclusive: 'Only here',
};

/** Findings that compare values (a number, a date, a spelling) are shown as a small table. */
function hasValues(d: Difference): boolean {
  return d.here?.value != null && d.elsewhere.some((e) => e.value !== null);
}

/** This article's value, then each other value once, with the outlets that give it. */
function Values({ d }: { d: Difference }) {
  const groups = new Map<string, string[]>();
  for (const e of d.elsewhere) {
    if (e.value === null) continue;
    const outlets = groups.get(e.value) ?? [];
    // "CNN, 2 days later": a count that rose over days is an update, not a contradiction.
    const who = e.source && e.note ? `${e.source}, ${e.note}` : (e.source ?? (e.note ? `another outlet, ${e.note}` : null));
    if (who && !outlets.includes(who)) outlets.push(who);
    groups.set(e.value, outlets);
  }
  return (
    <table class="values">
      <tbody>
        <tr class="here">
          <th scope="row">{d.here!.value}</th>
          <td>this article</td>
        </tr>
        {[...groups].map(([value, outlets]) => (
          <tr key={value}>
            <th scope="row">{value}</th>
            <td>{outlets.join(', ') || 'another outlet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ORDER: DifferenceKind[] = ['numbers', 'timing', 'naming', 'quote', 'framing', 'omitted', 'exclusive'];

export function Differences({ differences, onShow, empty }: { differences: Difference[]; onShow?: (sentence: string) => Promise<boolean>; empty?: string }) {
  if (differences.length === 0) {
    return <p class="muted">{empty ?? 'The other sources report this story the same way, as far as Parallax can tell.'}</p>;
  }
  const sorted = [...differences].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <ul class="plain">
      {sorted.map((d, i) => (
        <li class="diff" data-testid="difference" data-kind={d.kind} key={i}>
          <div class="summary" title={d.summary}>
            <span class={`kind kind-${d.kind}`}>{KIND_LABEL[d.kind]}</span>
            {hasValues(d) ? d.topic.charAt(0).toUpperCase() + d.topic.slice(1) : d.summary}
            {hasValues(d) && d.elsewhere.every((e) => e.note) && <span class="small muted"> · a later count, not a contradiction</span>}
          </div>
          {hasValues(d) && <Values d={d} />}
          <details>
            <summary class="small muted" aria-label={`Evidence: ${d.summary}`}>
              Evidence
            </summary>
            {d.here && (
              <blockquote class="evidence">
                <span class="who">This article</span>
                {d.here.value !== null && <span class="value"> ({d.here.value})</span>}: “{d.here.sentence}”
                {onShow && <ShowInPage sentence={d.here.sentence} onShow={onShow} />}
              </blockquote>
            )}
            {d.elsewhere.map((e, j) => (
              <blockquote class="evidence" key={j}>
                <span class="who">{e.source ?? 'Another outlet'}</span>
                {e.value !== null && <span class="value"> ({e.value})</span>}: “{e.sentence}”
              </blockquote>
            ))}
          </details>
        </li>
      ))}
    </ul>
  );
}
