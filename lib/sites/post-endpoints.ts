import type { PostAnswer } from './types';

/**
 * The few post endpoints of SITES.md that the page-world watcher looks at, and how
 * to take the post id / handle out of their answers. Runs in the page's world on
 * every load of a heavy site: keep it tiny, and keep nothing else of the answer.
 */
export interface PostEndpoint {
  path: RegExp;
  /** Bluesky posts to the user's PDS, not to the page's origin. */
  anyHost?: boolean;
  /** Only the two fields, or null when the answer is not a created post. */
  extract(body: unknown): PostAnswer | null;
}

type Json = Record<string, unknown> | undefined;
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)?.[key] : undefined), value);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function answer(id: string | null, handle: string | null, url: string | null = null): PostAnswer | null {
  if (!id || !handle) return null;
  return url ? { id, handle, url } : { id, handle };
}

/** `at://<did>/app.bsky.feed.post/<rkey>` */
function fromAtUri(uri: unknown): PostAnswer | null {
  const match = /^at:\/\/(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._~:-]+)$/.exec(str(uri) ?? '');
  return match ? answer(match[2]!, match[1]!) : null;
}

export const POST_ENDPOINTS = {
  x: {
    // Long posts go through CreateNoteTweet (answer under data.notetweet_create).
    path: /\/i\/api\/graphql\/[\w-]+\/Create(Note)?Tweet$/,
    extract(body) {
      const outer = at(body, 'data', 'create_tweet', 'tweet_results', 'result') ?? at(body, 'data', 'notetweet_create', 'tweet_results', 'result');
      // TweetWithVisibilityResults wraps the tweet as `result.tweet`.
      const result = at(outer, 'tweet') ?? outer;
      const user = at(result, 'core', 'user_results', 'result');
      return answer(str(at(result, 'rest_id')), str(at(user, 'legacy', 'screen_name')) ?? str(at(user, 'core', 'screen_name')));
    },
  },
  bluesky: {
    anyHost: true,
    path: /\/xrpc\/com\.atproto\.repo\.(createRecord|applyWrites)$/,
    extract(body) {
      const results = at(body, 'results');
      if (Array.isArray(results)) {
        for (const result of results) {
          const found = fromAtUri(at(result, 'uri'));
          if (found) return found;
        }
        return null;
      }
      return fromAtUri(at(body, 'uri'));
    },
  },
  mastodon: {
    path: /^\/api\/v1\/statuses$/,
    // The Status' own `url` is its link; the id and username only when it has none.
    extract: (body) => answer(str(at(body, 'id')), str(at(body, 'account', 'username')), str(at(body, 'url'))),
  },
} satisfies Record<string, PostEndpoint>;

/** Which endpoint the watcher serves on a host: Mastodon on whatever instance registered it. */
export function endpointForHost(hostname: string): PostEndpoint {
  if (/(^|\.)(x|twitter)\.com$/.test(hostname)) return POST_ENDPOINTS.x;
  if (/(^|\.)bsky\.app$/.test(hostname)) return POST_ENDPOINTS.bluesky;
  return POST_ENDPOINTS.mastodon;
}
