import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PROTOCOL §2.6: `seq` rises with every new version of a feed, across restarts. Kept per
 * feed URL (the demo feed's body names the host it was asked on) in `feed-seq.json` in the
 * data directory; a body seen before keeps its number.
 *
 * To be replaced by Siar Kantor's own feed signing (issue 10).
 */
export class FeedSequence {
  private readonly file: string;
  private state: Record<string, { sha256: string; seq: number }>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'feed-seq.json');
    try {
      this.state = JSON.parse(readFileSync(this.file, 'utf8')) as typeof this.state;
    } catch {
      this.state = {};
    }
  }

  /** The seq of this body at this URL: the last one if unchanged, else one more. */
  next(url: string, body: Uint8Array): number {
    const sha256 = createHash('sha256').update(body).digest('base64url');
    const last = this.state[url];
    if (last?.sha256 === sha256) return last.seq;
    // Seconds since 2026 as a floor: a fresh data directory never goes below an older one's numbers.
    const seq = Math.max((last?.seq ?? 0) + 1, Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 1000));
    this.state[url] = { sha256, seq };
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.file);
    return seq;
  }
}
