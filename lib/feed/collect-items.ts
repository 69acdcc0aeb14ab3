import type * as v from 'valibot';
import type { ItemSchedule } from './today';
import type { FeedItem, ParsedFeed, SkipReason } from './types';

const DATE_KEYS = new Set([
  'date_published',
  'date_modified',
  'approved_at',
  'valid_from',
  'valid_until',
  'pubDate',
  'dc:date',
  'published',
  'updated',
]);
const ID_KEYS = new Set(['id', 'guid']);

/** Which reason a failed item schema stands for, from the key of its first issue. */
export function skipReasonOf(issues: readonly v.BaseIssue<unknown>[]): SkipReason {
  const path = issues[0]?.path ?? [];
  const key = path.length > 0 ? path[path.length - 1]?.key : undefined;
  const top = path[0]?.key;
  if (typeof top === 'string' && ID_KEYS.has(top) && path.length === 1) return 'missing_id';
  if (typeof key === 'string' && DATE_KEYS.has(key)) return 'invalid_date';
  return 'invalid_field';
}

/**
 * Gathers a feed's items: a bad item is skipped and counted by reason, and of
 * several items with one id only the first is kept (docs/protocol.md §2.2).
 */
export class ItemCollector {
  readonly items: FeedItem[] = [];
  readonly skipReasons: Partial<Record<SkipReason, number>> = {};
  skippedItems = 0;
  private validItems = 0;
  private readonly ids = new Set<string>();

  /** `keep`: which valid items to build and return (all when absent). */
  constructor(private readonly keep?: (item: ItemSchedule) => boolean) {}

  skip(reason: SkipReason): void {
    this.skippedItems++;
    this.skipReasons[reason] = (this.skipReasons[reason] ?? 0) + 1;
  }

  /** Reserves an id; false (and counted) when it is empty or already taken. */
  claim(id: string): boolean {
    if (id.trim() === '') {
      this.skip('missing_id');
      return false;
    }
    if (this.ids.has(id)) {
      this.skip('duplicate_id');
      return false;
    }
    this.ids.add(id);
    return true;
  }

  /** Counts a valid item; builds it only when it is to be kept. */
  accept(schedule: ItemSchedule, build: (schedule: ItemSchedule) => FeedItem): void {
    this.validItems++;
    if (!this.keep || this.keep(schedule)) this.items.push(build(schedule));
  }

  result(): Pick<ParsedFeed, 'items' | 'skippedItems' | 'skipReasons' | 'totalItems'> {
    return {
      items: this.items,
      skippedItems: this.skippedItems,
      skipReasons: this.skipReasons,
      totalItems: this.validItems,
    };
  }
}

/** The Siar fields of an item from RSS, Atom or a JSON Feed item without them: none set. */
export function withoutSiarFields(): Pick<FeedItem, 'approvedBy' | 'captions' | 'hashtags' | 'platforms' | 'priority' | 'campaign'> {
  return { approvedBy: null, captions: {}, hashtags: [], platforms: null, priority: 0, campaign: null };
}
