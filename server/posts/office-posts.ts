import type { SiarDb } from '../db/connect';
import { PostStore } from '../store/post-store';
import { formatOfficeTime, isOfficeZone } from './office-zone';
import { previewPost } from './post-preview';

/** The office's post store: submitting is refused while a platform's own caption is over its limit. */
export function postStore(siar: SiarDb, timezone: string): PostStore {
  const zone = isOfficeZone(timezone) ? timezone : 'Asia/Jakarta';
  // Only the limits matter here, not where the feed lives.
  const context = { timeZone: zone, feedUrl: 'https://siar.invalid/feed.json', imageUrl: (id: string) => `https://siar.invalid/images/${id}` };
  return new PostStore(siar.db, {
    timeZone: zone,
    blockingProblems: (content) => previewPost(content, context).blocking,
    formatTime: (instant) => formatOfficeTime(instant, zone),
  });
}
