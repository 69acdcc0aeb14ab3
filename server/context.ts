import type { KeyObject } from 'node:crypto';
import type { SiarDb } from './db/connect';
import type { FeedPublisher, SignatureVersion } from './feed/feed-publisher';
import type { ImageStore } from './store/images';
import type { PeopleStore } from './store/people';
import type { PostStore } from './store/post-store';
import type { ReportStore } from './store/reports';
import type { UserStore } from './store/users';

/** What every plugin of Siar Kantor is given: the stores and the settings, built once in app.ts. */
export interface KantorSettings {
  /** The feed's signing key (never served); null: the feed is unsigned. */
  signingKey: KeyObject | null;
  signatureVersion: SignatureVersion;
  /** false: the statement only at `<feed>.sig`, not in the `Siar-Signature` header. */
  signatureHeader: boolean;
  /** The dashboard's "today" and the feed's `_siar.timezone`. */
  timezone: string;
  /** "Legacy shared token": old `--tokens-file` tokens, accepted only when the admin turned this on. */
  legacyTokens: ReadonlySet<string> | null;
  /** Reports without any token are accepted (unverified): for the local demo and tests only. */
  openReports: boolean;
  /** Sessions' cookies are Secure (everywhere but loopback). */
  secureCookies: boolean;
  /** Staff pages need no sign-in: the local demo only. */
  openDashboard: boolean;
  /** The link check may ask loopback and private addresses (#13): only when the server itself is on loopback. */
  allowPrivateLinks: boolean;
}

export interface Kantor {
  siar: SiarDb;
  /** Where the dashboard reads: a read replica with `--read-database-url`, else `siar` itself. */
  read: SiarDb;
  reports: ReportStore;
  people: PeopleStore;
  users: UserStore;
  feed: FeedPublisher;
  settings: KantorSettings;
  posts: PostStore;
  images: ImageStore;
}
