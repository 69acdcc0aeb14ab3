import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/lib/feed/parse-feed';
import { selectTodayItems } from '@/lib/feed/today';
import { DEMO_HIDDEN_IDS, DEMO_SHOWN_IDS, demoFeed } from '../../../server/demo-feed';

const ORIGIN = 'http://127.0.0.1:8787';

describe('the demo feed', () => {
  // Early morning, midday and late evening in WIB, on an ordinary day and a month end.
  it.each(['2026-11-25T17:05:00Z', '2026-11-26T05:00:00Z', '2026-11-26T16:55:00Z', '2026-12-31T16:30:00Z'])(
    'at %s shows exactly today’s approved items and none of the unapproved, expired or future ones',
    (instant) => {
      const now = new Date(instant);
      const feed = parseFeed(JSON.stringify(demoFeed(ORIGIN, now)), `${ORIGIN}/feed.json`);
      expect(feed.skippedItems).toBe(0);
      expect(feed.items.map((i) => i.id).sort()).toEqual([...DEMO_SHOWN_IDS, ...DEMO_HIDDEN_IDS].sort());
      const shown = selectTodayItems([{ subscription: { url: `${ORIGIN}/feed.json`, source: 'user' }, feed }], now);
      expect(shown.map((s) => s.item.id)).toEqual(DEMO_SHOWN_IDS);
    },
  );

  it('has per-platform captions, variants and a multi-line caption', () => {
    const feed = parseFeed(JSON.stringify(demoFeed(ORIGIN)), `${ORIGIN}/feed.json`);
    const saik = feed.items.find((i) => i.id === 'saik-2019-pembukaan')!;
    expect(saik.captions.x!.length).toBeGreaterThan(1);
    expect(saik.captions.facebook![0]).toContain('\n');
    expect(feed.reportUrl).toBe(`${ORIGIN}/api/v1/shares`);
  });
});
