import { useState } from 'preact/hooks';
import type { Difference, DifferenceKind } from '../core/types';

function ShowInPage({ sentence, onShow }: { sentence: string; onShow: (sentence: string) => Promise<boolean> }) {
  const [missing, setMissing] = useState(false);
  return (
    <>
      {' '}
      <button
        type="button"
        class="link small"
        data-testid="show-in-page"
        onClick={async () => setMissing(!(await onShow(sentence).catch(() => false)))}
      >
        Show in page
      </button>
      {missing && <span class="small muted"> (not found on the page)</span>}
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

const ORDER: DifferenceKind[] = ['numbers', 'timing', 'naming', 'quote', 'framing', 'omitted', 'exclusive'];

export function Differences({ differences, onShow }: { differences: Difference[]; onShow?: (sentence: string) => Promise<boolean> }) {
  if (differences.length === 0) {
    return <p class="muted">The other sources report this story the same way, as far as Parallax can tell.</p>;
  }
  const sorted = [...differences].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <ul class="plain">
      {sorted.map((d, i) => (
        <li class="diff" data-testid="difference" data-kind={d.kind} key={i}>
          <div class="summary">
            <span class={`kind kind-${d.kind}`}>{KIND_LABEL[d.kind]}</span>
            {d.summary}
          </div>
          <details>
            <summary class="small muted">Evidence</summary>
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
