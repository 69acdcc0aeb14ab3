import { XMLParser } from 'fast-xml-parser';

import { decodeFeedBody, parseFeed } from '../../lib/feed/parse-feed';
import { selectTodayItems } from '../../lib/feed/today';
import type { ResolvedSubscription } from '../../lib/feed/types';

/**
 * `npm run bench -- feed`: parse + validate + select today's items of a
 * 2,000-item JSON Feed and of a 2,000-item RSS feed (WordPress-like), each as a
 * ratio to the bare parse of the same text (JSON.parse; fast-xml-parser with
 * default options), measured in one run: warm-up, then the median of blocks of
 * runs. Target: ≤ 4×.
 */

const ITEMS = 2000;
const NOW = new Date();
const FEED_URL = 'https://diskominfo.example.go.id/feed';
const subscription: ResolvedSubscription = { url: FEED_URL, source: 'user' };
const paragraph = 'Pemerintah Kota menggelar rapat koordinasi kehumasan bersama seluruh perangkat daerah untuk menyebarkan program pemerintah. ';

function isoAt(i: number): string {
  // Half of the items today, the rest spread over the previous days.
  return new Date(NOW.getTime() - (i % 2 === 0 ? 0 : Math.ceil(i / 2)) * 3_600_000).toISOString();
}

function jsonFeed(): string {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    id: `berita-${i}`,
    url: `https://diskominfo.example.go.id/berita/${i}`,
    title: `Berita ${i}: rapat koordinasi kehumasan`,
    content_text: paragraph.repeat(3),
    content_html: `<p>${paragraph.repeat(3)}</p>`,
    image: `https://diskominfo.example.go.id/img/${i}.jpg`,
    date_published: isoAt(i),
    tags: ['Humas', 'Pemkot'],
    _siar: {
      approved: i % 10 !== 0,
      approved_by: 'Kabid IKP',
      captions: { default: `Berita ${i}. ${paragraph}`, x: [`Varian satu ${i}`, `Varian dua ${i}`] },
      hashtags: ['SAIK2019', 'ASNMilenial'],
      platforms: ['x', 'facebook', 'whatsapp'],
      priority: i % 3,
      campaign: 'SAIK 2019',
    },
  }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Diskominfo Contoh',
    home_page_url: 'https://diskominfo.example.go.id/',
    _siar: { version: 1, publisher: 'Diskominfo Contoh', timezone: 'Asia/Jakarta', report_url: 'https://diskominfo.example.go.id/api/v1/shares' },
    items,
  });
}

function rssFeed(): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const date = new Date(isoAt(i)).toUTCString().replace('GMT', '+0000');
    return `<item>
<title>Berita ${i} &#8211; rapat koordinasi kehumasan</title>
<link>https://diskominfo.example.go.id/2026/11/berita-${i}/</link>
<dc:creator><![CDATA[admin]]></dc:creator>
<pubDate>${date}</pubDate>
<category><![CDATA[Berita]]></category>
<guid isPermaLink="false">https://diskominfo.example.go.id/?p=${i}</guid>
<description><![CDATA[<p>${paragraph}&#8230;</p>]]></description>
<content:encoded><![CDATA[<figure><img src="https://diskominfo.example.go.id/wp-content/uploads/${i}.jpg" alt="" /></figure><p>${paragraph.repeat(3)}</p>]]></content:encoded>
</item>
`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Diskominfo Contoh</title><link>https://diskominfo.example.go.id</link><description>Berita</description>
${items.join('')}</channel></rss>`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Warm-up, then blocks of runs of one side at a time (so that each side pays for
 * its own garbage, not the other's), bare and full blocks alternating; the
 * median of all runs of each side.
 */
function compare(label: string, text: string, bare: () => unknown, full: () => number, blocks = 6, runs = 9): number {
  for (let i = 0; i < 10; i++) {
    bare();
    full();
  }
  const bareTimes: number[] = [];
  const fullTimes: number[] = [];
  let shown = 0;
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < runs; i++) bareTimes.push(time(bare));
    for (let i = 0; i < runs; i++) fullTimes.push(time(() => (shown = full())));
  }
  const ratio = median(fullTimes) / median(bareTimes);
  console.log(
    `${label}: ${(text.length / 1024 / 1024).toFixed(2)} MiB, ${ITEMS} items, ${shown} shown today · ` +
      `bare ${median(bareTimes).toFixed(1)} ms · parse+validate+today ${median(fullTimes).toFixed(1)} ms · ratio ${ratio.toFixed(2)}×`,
  );
  return ratio;
}

const json = jsonFeed();
const rss = rssFeed();
const jsonBytes = new TextEncoder().encode(json);
const rssBytes = new TextEncoder().encode(rss);
const bareXml = new XMLParser();
const today = (text: string) => selectTodayItems([{ subscription, feed: parseFeed(text, FEED_URL, { now: NOW }) }], NOW).length;

console.log('From the text (the strictest comparison: no UTF-8 decoding on either side):');
const fromText = [
  compare('  JSON Feed', json, () => JSON.parse(json), () => today(json)),
  compare('  RSS 2.0  ', rss, () => bareXml.parse(rss), () => today(rss)),
];
console.log('From the bytes as fetched (UTF-8 decoding on both sides, as fetchFeed does it):');
const fromBytes = [
  compare('  JSON Feed', json, () => JSON.parse(decodeFeedBody(jsonBytes)), () => today(decodeFeedBody(jsonBytes))),
  compare('  RSS 2.0  ', rss, () => bareXml.parse(decodeFeedBody(rssBytes)), () => today(decodeFeedBody(rssBytes))),
];
for (const [label, ratios] of [['from the text', fromText], ['from the bytes', fromBytes]] as const) {
  const worst = Math.max(...ratios);
  console.log(`target ≤ 4× ${label}: ${worst <= 4 ? 'met' : 'MISSED'} (worst ${worst.toFixed(2)}×)`);
}
