import Database from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/app';
import type { SignatureVersion } from '../../../server/feed/feed-publisher';
import type { Role } from '../../../server/db/schema';
import { TMP_DIR } from './paths';

/**
 * Siar Kantor (`siar serve`) on SQLite in a fresh data directory, with the demo posts.
 * Without `tokens` it takes reports without a token (open reports, unverified); with them,
 * those are the legacy shared tokens. The feed is signed with docs/protocol.md §2.6 v2
 * statements when a key is given.
 */
export const FEED_SIGNATURE: SignatureVersion = 'v2';

export interface EnrolledPerson {
  id: string;
  name: string;
  unit: string;
}

export interface StaffMember {
  name: string;
  role: Role;
  password: string;
}

export interface TestServer extends RunningServer {
  dataDir: string;
  feedUrl: string;
  reportUrl: string;
  /** Enrollment codes of `people`, by NIP, as `siar people import` issued them. */
  codes: Record<string, string>;
  /** Rows as SQLite holds them: what the receiver really stored. */
  storedRows(): Record<string, unknown>[];
}

export async function startTestServer(
  options: {
    tokens?: string[];
    signingKey?: KeyObject;
    signatureVersion?: SignatureVersion;
    people?: EnrolledPerson[];
    /** Staff users, added as `siar user add` adds them: they sign in through /login. */
    staff?: StaffMember[];
    /** false: an office with no post yet (its feed holds only what its staff approve). */
    demoPosts?: boolean;
    /** The port to listen on (a worker's own, the same in each test); taken, or 0: any free one. */
    port?: number;
  } = {},
): Promise<TestServer> {
  mkdirSync(TMP_DIR, { recursive: true });
  const start = (port: number) => {
    const dataDir = mkdtempSync(join(TMP_DIR, 'server-'));
    const started = startServer({
      host: '127.0.0.1',
      port,
      dataDir,
      tokens: options.tokens ? new Set(options.tokens) : null,
      openReports: !options.tokens && !options.people,
      signingKey: options.signingKey ?? null,
      signatureVersion: options.signatureVersion ?? FEED_SIGNATURE,
      seedDemoPosts: options.demoPosts ?? true,
    });
    return started.then(
      (running) => ({ running, dataDir }),
      (error: unknown) => {
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      },
    );
  };
  const { running, dataDir } = await start(options.port ?? 0).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || !options.port) throw error;
    return start(0);
  });
  for (const member of options.staff ?? []) await running.kantor.users.add(member.name, member.role, member.password, 'e2e');
  const codes: Record<string, string> = {};
  if (options.people?.length) {
    // The office's own import (what `siar people import` runs), so codes are real ones.
    const csv = ['nip,name,unit', ...options.people.map((p) => `${p.id},${p.name},${p.unit}`)].join('\n');
    for (const issued of await running.kantor.people.importCsv(csv, 'e2e')) codes[issued.nip] = issued.code;
  }
  return {
    ...running,
    dataDir,
    feedUrl: `${running.origin}/feed.json`,
    reportUrl: `${running.origin}/api/v1/shares`,
    codes,
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
