import { buildCaption } from '../../../lib/captions/build-caption';
import { parseJsonFeed } from '../../../lib/feed/parse-json-feed';
import type { PlatformId } from '../../../lib/share/platforms';
import { demoFeed } from '../../../server/demo-feed';
import { REPORTER } from './fixtures';

/** The caption Siar must insert for a demo item: what the background builds for the test's reporter. */
export function demoCaption(origin: string, itemId: string, platform: PlatformId): string {
  const feed = parseJsonFeed(demoFeed(origin), `${origin}/feed.json`);
  const item = feed.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`No demo item ${itemId}`);
  return buildCaption(item, platform, { reporterId: REPORTER.id }).text;
}
