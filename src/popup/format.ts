// Small display helpers shared by the popup components.
export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function outletName(source: string | null, url: string | null): string {
  if (source) return source;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      /* fall through */
    }
  }
  return 'Unknown outlet';
}

/** Only http(s) links are rendered as links: a stored URL is untrusted input. */
export function safeHref(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
