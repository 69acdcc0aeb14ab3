import { MAX_FEED_BYTES } from './limits';
import { FeedRejection } from './types';

/**
 * Reads a response body, aborting as soon as it passes the limit (docs/protocol.md §2.5),
 * so that a 50 MB answer never sits in memory whole.
 */
export async function readLimitedBody(
  response: Response,
  limit = MAX_FEED_BYTES,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedRejection('too_large', `${declared} bytes`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new FeedRejection('too_large', `> ${limit} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
