import autocannon from 'autocannon';
import type { LoadTarget } from './load-target';

export interface FeedResult {
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  notModified: number;
  other: number;
  errors: number;
  /** Bytes read off the socket per answer: status line, headers and body. */
  bytesPerAnswer: number;
}

/** Every client's poll of an unchanged feed: GETs with the ETag it holds, answered 304. */
export async function driveFeed(target: LoadTarget, connections: number, seconds: number): Promise<FeedResult> {
  const first = await fetch(new URL(target.feedPath, target.origin));
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!first.ok || !etag) throw new Error(`${target.feedPath} answered ${first.status} without an ETag`);
  const result = await autocannon({
    url: new URL(target.feedPath, target.origin).toString(),
    connections,
    duration: seconds,
    headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' },
  });
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const notModified = statuses['304']?.count ?? 0;
  return {
    connections,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    notModified,
    other: result.requests.total - notModified,
    errors: result.errors,
    bytesPerAnswer: result.throughput.total / Math.max(1, result.requests.total),
  };
}
