// How long reading one fetched feed takes (parsing, HTML to text, articles): a feed of 200
// items of about 1,500 characters each, fictional. `npx tsx bench/feed-bench.ts`
import { readFeed } from '../src/core/feeds/read-feed';
const para = 'Twenty-six people were hurt when fire swept the Brinmoor warehouse on Tuesday, and the fire chief said &amp; two workers were still missing. ';
const items = Array.from({ length: 200 }, (_, i) => `<item><title>Item ${i} about the fire</title><link>https://x.example/${i}</link><pubDate>Tue, 20 Oct 2026 18:05:00 GMT</pubDate><description><![CDATA[<p>${para.repeat(8)}</p><p>${para.repeat(4)}</p>]]></description></item>`).join('\n');
const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>X - Y</title>${items}</channel></rss>`;
for (let k = 0; k < 3; k++) readFeed(xml, 'https://x.example/rss');
const t: number[] = [];
for (let k = 0; k < 20; k++) { const t0 = performance.now(); readFeed(xml, 'https://x.example/rss'); t.push(performance.now() - t0); }
t.sort((a, b) => a - b);
console.log(`feed of ${(xml.length / 1e6).toFixed(2)} MB, 200 items: median ${t[10]!.toFixed(1)} ms, max ${t[19]!.toFixed(1)} ms`);
