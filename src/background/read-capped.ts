// A response body as text, with a size limit enforced while it downloads (a Content-Length
// can lie or be missing), for the feeds and the pages the worker fetches.

/** The body as text, refusing it (and stopping the download) past `maxBytes`. */
export async function readCapped(res: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (Number(res.headers.get('Content-Length') ?? 0) > maxBytes) throw tooLarge();
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  // Feeds and pages are UTF-8 nearly always; another encoding is honoured when the response's
  // Content-Type, an XML declaration or an HTML <meta charset> names it.
  const head = new TextDecoder('latin1').decode(all.subarray(0, 1024));
  const declared =
    /charset=["']?([\w-]+)/i.exec(res.headers.get('Content-Type') ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(all);
  } catch {
    return new TextDecoder('utf-8').decode(all);
  }
}
