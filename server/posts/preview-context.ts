import type { FeedItemContext } from './post-feed-item';

/**
 * Where the preview's item lives: the office's zone, its feed and its images. Pure, so
 * that the page's live preview (bundled for the browser) builds the same context as the
 * server does.
 */

export type PreviewContext = FeedItemContext & { feedUrl: string };

export const imagePath = (image: string) => (image.startsWith('/') ? image : `/images/${image}`);

export function previewContextAt(timeZone: string, origin: string): PreviewContext {
  return { timeZone, feedUrl: `${origin}/feed.json`, imageUrl: (image: string) => `${origin}${imagePath(image)}` };
}
