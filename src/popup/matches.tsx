import type { ReportMatch } from '../core/types';
import { formatDate, outletName, safeHref } from './format';

function why(m: ReportMatch): string {
  const r = m.reasons;
  if (!r) return '';
  const parts: string[] = [];
  if (r.syndicated) parts.push('same wire text');
  if (r.sharedNames.length) parts.push(`both name ${r.sharedNames.slice(0, 3).join(', ')}`);
  else if (r.sharedTerms.length) parts.push(`both mention ${r.sharedTerms.slice(0, 3).join(', ')}`);
  if (r.dayGap !== null) parts.push(r.dayGap === 0 ? 'same day' : `${r.dayGap} day${r.dayGap === 1 ? '' : 's'} apart`);
  // Reasons stored before namedDay existed lack it.
  if (r.namedDay) parts.push(`one names the other's date, ${formatDate(r.namedDay)}`);
  return parts.join(' · ');
}

export function Matches({ matches }: { matches: ReportMatch[] }) {
  return (
    <ul class="plain">
      {matches.map((m) => (
        <li class="match" data-testid="match" key={m.id}>
          <span class="outlet">{outletName(m.source, m.url)}</span>{' '}
          <span class="muted small">{formatDate(m.published)}</span>
          <div>
            {safeHref(m.url) ? (
              <a href={safeHref(m.url)} target="_blank" rel="noopener noreferrer">
                {m.title}
              </a>
            ) : (
              m.title
            )}
          </div>
          <div class="why" title={`match score ${m.score.toFixed(2)}`}>
            {why(m)}
          </div>
        </li>
      ))}
    </ul>
  );
}
