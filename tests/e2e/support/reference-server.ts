import Database from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/app';
import type { SignatureVersion } from '../../../server/feed/feed-publisher';
import { TMP_DIR } from './paths';

/**
 * Siar Kantor (`siar serve`) on SQLite in a fresh data directory, with the demo posts.
 * Without `tokens` it takes reports without a token (open reports, unverified); with them,
 * those are the legacy shared tokens.
 *
 * The feed signature is v1 (bare Ed25519) while the extension verifies v1; once the
 * extension verifies PROTOCOL §2.6 v2 statements (branch `proof`), change
 * FEED_SIGNATURE to 'v2'.
 */
export const FEED_SIGNATURE: SignatureVersion = 'v1';

export interface TestServer extends RunningServer {
  dataDir: string;
  feedUrl: string;
  reportUrl: string;
  /** Rows as SQLite holds them: what the receiver really stored. */
  storedRows(): Record<string, unknown>[];
}

export async function startTestServer(
  options: { tokens?: string[]; signingKey?: KeyObject; signatureVersion?: SignatureVersion } = {},
): Promise<TestServer> {
  mkdirSync(TMP_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(TMP_DIR, 'server-'));
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    tokens: options.tokens ? new Set(options.tokens) : null,
    openReports: !options.tokens,
    signingKey: options.signingKey ?? null,
    signatureVersion: options.signatureVersion ?? FEED_SIGNATURE,
    seedDemoPosts: true,
  });
  return {
    ...running,
    dataDir,
    feedUrl: `${running.origin}/feed.json`,
    reportUrl: `${running.origin}/api/v1/shares`,
    storedRows() {
      // A second, read-only connection: the rows are on disk, not only in the server's memory.
      const db = new Database(join(dataDir, 'siar.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT * FROM reports ORDER BY rowid').all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
  };
}
