/**
 * `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3) → the instant (ms)
 * before which the server asked not to be asked again; null when absent or unreadable.
 * Feeds (docs/protocol.md §2.5) and report receivers (§3.5) both honour it.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}
