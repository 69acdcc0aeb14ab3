/** Hosts whose post endpoints the page-world watcher wraps (kept apart so that it stays tiny). */
export const WATCHED_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'bsky.app'];
