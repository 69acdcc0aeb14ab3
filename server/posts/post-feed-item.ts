import { formatWithOffset } from '../../lib/time/zoned-date';
import type { PostContent } from './post-input';

/**
 * One post as a JSON Feed 1.1 item with the Siar extension (PROTOCOL §2.2). The
 * published feed and the editor's preview are both made from this, so what the
 * office previews is what the extension reads.
 */

export interface FeedItemContext {
  /** The office's zone: times carry its offset, as the protocol's examples do. */
  timeZone: string;
  /** The public address of an uploaded image, from its id. */
  imageUrl: (imageId: string) => string;
}

export interface ApprovalStamp {
  /** Who approved, as shown to civil servants (the last approver's name). */
  approvedBy: string;
  approvedAt: Date;
}

export interface JsonFeedPostItem {
  id: string;
  url?: string;
  title: string;
  summary?: string;
  content_text: string;
  image?: string;
  date_published: string;
  _siar: Record<string, unknown>;
}

export function postFeedItem(id: string, post: PostContent, stamp: ApprovalStamp, context: FeedItemContext): JsonFeedPostItem {
  const at = (instant: Date) => formatWithOffset(instant, context.timeZone);
  const siar: Record<string, unknown> = {
    approved: true,
    approved_by: stamp.approvedBy,
    approved_at: at(stamp.approvedAt),
  };
  if (post.validFrom) siar.valid_from = at(new Date(post.validFrom));
  if (post.validUntil) siar.valid_until = at(new Date(post.validUntil));
  if (Object.keys(post.captions).length > 0) siar.captions = post.captions;
  if (post.hashtags.length > 0) siar.hashtags = post.hashtags;
  if (post.platforms) siar.platforms = post.platforms;
  if (post.priority !== 0) siar.priority = post.priority;
  if (post.campaign) siar.campaign = post.campaign;
  return {
    id,
    ...(post.link ? { url: post.link } : {}),
    title: post.title,
    ...(post.summary ? { summary: post.summary } : {}),
    content_text: post.summary || post.title,
    ...(post.image ? { image: context.imageUrl(post.image) } : {}),
    // Without a window, an item shows on the calendar day it was published (PROTOCOL §2.3).
    date_published: at(stamp.approvedAt),
    _siar: siar,
  };
}
