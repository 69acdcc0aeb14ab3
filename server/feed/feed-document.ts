import type { PostRow } from '../store/posts';

/** JSON Feed 1.1 with `_siar` (PROTOCOL §2.2) from the office's posts, as served from `origin`. */

export interface FeedIdentity {
  title: string;
  publisher: string;
  timezone: string;
}

const absolute = (origin: string, link: string | null) => (link && link.startsWith('/') ? `${origin}${link}` : link);

function itemOf(post: PostRow, origin: string) {
  const url = absolute(origin, post.url);
  const image = absolute(origin, post.image);
  const platforms = JSON.parse(post.platforms) as string[];
  const hashtags = JSON.parse(post.hashtags) as string[];
  const approved = post.status === 'approved';
  return {
    id: post.id,
    ...(url ? { url } : {}),
    title: post.title,
    content_text: post.summary,
    ...(image ? { image } : {}),
    ...(post.date_published ? { date_published: post.date_published } : {}),
    _siar: {
      approved,
      ...(approved && post.approved_by ? { approved_by: post.approved_by } : {}),
      ...(approved && post.approved_at ? { approved_at: post.approved_at } : {}),
      ...(post.valid_from ? { valid_from: post.valid_from } : {}),
      ...(post.valid_until ? { valid_until: post.valid_until } : {}),
      captions: JSON.parse(post.captions) as Record<string, string | string[]>,
      ...(hashtags.length > 0 ? { hashtags } : {}),
      ...(platforms.length > 0 ? { platforms } : {}),
      ...(post.priority ? { priority: post.priority } : {}),
      ...(post.campaign ? { campaign: post.campaign } : {}),
    },
  };
}

export function feedDocument(posts: readonly PostRow[], origin: string, identity: FeedIdentity) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: identity.title,
    home_page_url: `${origin}/`,
    feed_url: `${origin}/feed.json`,
    language: 'id',
    _siar: {
      version: 1,
      publisher: identity.publisher,
      timezone: identity.timezone,
      report_url: `${origin}/api/v1/shares`,
    },
    items: posts.map((post) => itemOf(post, origin)),
  };
}

export function feedBytes(posts: readonly PostRow[], origin: string, identity: FeedIdentity): Buffer {
  return Buffer.from(JSON.stringify(feedDocument(posts, origin, identity)));
}
