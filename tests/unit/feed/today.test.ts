import { describe, expect, it } from 'vitest';
import { isCurrent, selectTodayItems } from '@/lib/feed/today';
import { makeFeed, makeItem, makeSubscription } from './item-factory';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

type Case = [label: string, now: string, zone: string, item: Parameters<typeof makeItem>[0], shown: boolean];

// docs/protocol.md §2.3, case by case.
const cases: Case[] = [
  // Publication date, no window: the calendar date in the zone decides.
  ['WIB: published this morning', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-26T00:30:00Z' }, true],
  ['WIB: published yesterday evening', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-25T12:00:00Z' }, false],
  ['WIB: 00:00 today is today', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-25T17:00:00Z' }, true],
  ['WIB: 23:59:59 yesterday is not', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-25T16:59:59Z' }, false],
  ['WIB: later today still counts', '2026-11-26T01:00:00Z', WIB, { datePublished: '2026-11-26T15:00:00Z' }, true],
  ['WIB: tomorrow 00:00 is not today', '2026-11-26T01:00:00Z', WIB, { datePublished: '2026-11-26T17:00:00Z' }, false],
  ['WIB: just before midnight, published 23:00', '2026-11-26T16:59:59Z', WIB, { datePublished: '2026-11-26T16:00:00Z' }, true],
  ['WIB: just after midnight, yesterday is gone', '2026-11-26T17:00:00Z', WIB, { datePublished: '2026-11-26T16:00:00Z' }, false],
  ['WITA: 00:00 today is today', '2026-11-26T03:00:00Z', WITA, { datePublished: '2026-11-25T16:00:00Z' }, true],
  ['WITA: 23:59:59 yesterday is not', '2026-11-26T03:00:00Z', WITA, { datePublished: '2026-11-25T15:59:59Z' }, false],
  ['WITA: a WIB-yesterday item is WITA-today', '2026-11-26T03:00:00Z', WITA, { datePublished: '2026-11-25T16:30:00Z' }, true],
  ['WITA: just after midnight', '2026-11-26T16:00:00Z', WITA, { datePublished: '2026-11-26T15:00:00Z' }, false],
  ['WIT: 00:00 today is today', '2026-11-26T03:00:00Z', WIT, { datePublished: '2026-11-25T15:00:00Z' }, true],
  ['WIT: 23:59:59 yesterday is not', '2026-11-26T03:00:00Z', WIT, { datePublished: '2026-11-25T14:59:59Z' }, false],
  ['WIT: now is already tomorrow there', '2026-11-26T15:30:00Z', WIT, { datePublished: '2026-11-26T10:00:00Z' }, false],
  ['WIT: published after its midnight', '2026-11-26T15:30:00Z', WIT, { datePublished: '2026-11-26T15:10:00Z' }, true],
  ['modified date stands in for a missing publication', '2026-11-26T03:00:00Z', WIB, { dateModified: '2026-11-26T01:00:00Z' }, true],
  ['publication wins over modified', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-24T01:00:00Z', dateModified: '2026-11-26T01:00:00Z' }, false],
  ['no window, no date: never shown', '2026-11-26T03:00:00Z', WIB, {}, false],
  // A validity window wins over the publication date.
  ['inside a two-sided window', '2026-11-26T03:00:00Z', WIB, { validFrom: '2026-11-25T17:00:00Z', validUntil: '2026-11-26T17:00:00Z' }, true],
  ['at valid_from exactly: shown', '2026-11-25T17:00:00Z', WIB, { validFrom: '2026-11-25T17:00:00Z', validUntil: '2026-11-26T17:00:00Z' }, true],
  ['a millisecond before valid_from: hidden', '2026-11-25T16:59:59.999Z', WIB, { validFrom: '2026-11-25T17:00:00Z', validUntil: '2026-11-26T17:00:00Z' }, false],
  ['at valid_until exactly: hidden', '2026-11-26T17:00:00Z', WIB, { validFrom: '2026-11-25T17:00:00Z', validUntil: '2026-11-26T17:00:00Z' }, false],
  ['a millisecond before valid_until: shown', '2026-11-26T16:59:59.999Z', WIB, { validFrom: '2026-11-25T17:00:00Z', validUntil: '2026-11-26T17:00:00Z' }, true],
  ['only valid_from, reached', '2026-11-26T03:00:00Z', WIB, { validFrom: '2026-11-20T00:00:00Z' }, true],
  ['only valid_from, not reached', '2026-11-26T03:00:00Z', WIB, { validFrom: '2026-11-27T00:00:00Z' }, false],
  ['only valid_until, not reached', '2026-11-26T03:00:00Z', WIB, { validUntil: '2026-12-01T00:00:00Z' }, true],
  ['only valid_until, passed', '2026-11-26T03:00:00Z', WIB, { validUntil: '2026-11-26T02:00:00Z' }, false],
  ['window open although published last week', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-19T00:00:00Z', validUntil: '2026-11-27T00:00:00Z' }, true],
  ['window closed although published today', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-26T01:00:00Z', validUntil: '2026-11-26T02:00:00Z' }, false],
  ['held back: published today, valid from tomorrow', '2026-11-26T03:00:00Z', WIB, { datePublished: '2026-11-26T01:00:00Z', validFrom: '2026-11-26T17:00:00Z' }, false],
  ['window in WIT offsets', '2026-11-26T03:00:00Z', WIT, { validFrom: '2026-11-26T00:00:00+09:00', validUntil: '2026-11-27T00:00:00+09:00' }, true],
  // Today is reckoned as the instants between two midnights: right on days a zone changes its clock too.
  ['a 23-hour day (Berlin, clocks forward): 23:30 is today', '2026-03-29T08:00:00Z', 'Europe/Berlin', { datePublished: '2026-03-29T21:30:00Z' }, true],
  ['a 23-hour day (Berlin): next midnight is not', '2026-03-29T08:00:00Z', 'Europe/Berlin', { datePublished: '2026-03-29T22:00:00Z' }, false],
  ['a 25-hour day (Berlin, clocks back): 00:00 is today', '2026-10-25T12:00:00Z', 'Europe/Berlin', { datePublished: '2026-10-24T22:00:00Z' }, true],
  ['a 25-hour day (Berlin): 23:59 is still today', '2026-10-25T12:00:00Z', 'Europe/Berlin', { datePublished: '2026-10-25T22:59:00Z' }, true],
];

describe('which items are today’s', () => {
  it.each(cases)('%s', (_label, now, zone, item, shown) => {
    expect(isCurrent(makeItem(item), new Date(now), zone)).toBe(shown);
  });
});

describe('selectTodayItems', () => {
  const now = new Date('2026-11-26T03:00:00Z');
  const today = '2026-11-26T01:00:00Z';

  it('shows only approved items', () => {
    const feed = makeFeed([
      makeItem({ id: 'yes', datePublished: today }),
      makeItem({ id: 'no', datePublished: today, approved: false }),
    ]);
    expect(selectTodayItems([{ subscription: makeSubscription(), feed }], now).map((s) => s.item.id)).toEqual(['yes']);
  });

  it('orders by priority, then newest publication, across subscriptions', () => {
    const a = makeFeed([
      makeItem({ id: 'a-old', datePublished: '2026-11-26T00:00:00Z' }),
      makeItem({ id: 'a-top', datePublished: '2026-11-26T00:00:00Z', priority: 5 }),
    ]);
    const b = makeFeed([makeItem({ id: 'b-new', datePublished: '2026-11-26T02:00:00Z' }), makeItem({ id: 'b-undated', validFrom: '2026-11-25T00:00:00Z' })]);
    const shown = selectTodayItems(
      [
        { subscription: makeSubscription({ url: 'https://a.go.id/feed' }), feed: a },
        { subscription: makeSubscription({ url: 'https://b.go.id/feed' }), feed: b },
      ],
      now,
    );
    expect(shown.map((s) => s.item.id)).toEqual(['a-top', 'b-new', 'a-old', 'b-undated']);
  });

  it('shows an item URL once; the first subscription wins', () => {
    const url = 'https://babel.antaranews.com/berita/1';
    const first = makeFeed([makeItem({ id: 'one', url, datePublished: today })]);
    const second = makeFeed([makeItem({ id: 'two', url, datePublished: today, priority: 9 })]);
    const shown = selectTodayItems(
      [
        { subscription: makeSubscription({ url: 'https://a.go.id/feed' }), feed: first },
        { subscription: makeSubscription({ url: 'https://b.go.id/feed' }), feed: second },
      ],
      now,
    );
    expect(shown.map((s) => [s.subscription.url, s.item.id])).toEqual([['https://a.go.id/feed', 'one']]);
  });

  it('reckons today in the feed zone, else the subscription zone, else WIB', () => {
    // 2026-11-25T16:30Z is 23:30 WIB on the 25th but 00:30 WITA on the 26th.
    const item = makeItem({ id: 'x', datePublished: '2026-11-25T16:30:00Z' });
    const at = new Date('2026-11-25T17:30:00Z');
    const pick = (feedZone: string | null, subscriptionZone?: string) =>
      selectTodayItems([{ subscription: makeSubscription({ timezone: subscriptionZone }), feed: makeFeed([item], { timezone: feedZone }) }], at).length;
    expect(pick(null)).toBe(0);
    expect(pick(null, WITA)).toBe(1);
    expect(pick(WIB, WITA)).toBe(0);
  });

  it('skips subscriptions without a feed yet', () => {
    expect(selectTodayItems([{ subscription: makeSubscription(), feed: null }], now)).toEqual([]);
  });
});
