import type { Generated } from 'kysely';

/**
 * Siar Kantor's database as TypeScript types. Both dialects store the same shapes:
 * instants are ISO 8601 UTC text (sortable as text), flags are 0/1 integers, lists
 * and maps are JSON text. Migrations in ./migrations create exactly these tables.
 */

export interface ReportsTable {
  id: string;
  feed_url: string;
  item_id: string;
  item_url: string | null;
  platform: string;
  status: string;
  method: string;
  post_url: string | null;
  /** RFC 3339 with the share's own offset, as sent: the dashboard's day is its date. */
  shared_at: string;
  reporter_id: string;
  reporter_name: string;
  reporter_unit: string;
  client_name: string;
  client_version: string;
  received_at: string;
  /** The enrolled person whose token sent it; null for an open or legacy shared token. */
  person_id: number | null;
  /** 1 when the token named the person (PROTOCOL §6), 0 when the body's reporter was taken on trust. */
  verified: number;
}

export interface PeopleTable {
  id: Generated<number>;
  nip: string;
  name: string;
  unit: string;
  email: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface EnrollmentCodesTable {
  id: Generated<number>;
  person_id: number;
  /** sha256 (hex) of the code: the code itself is never stored. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface ReportTokensTable {
  /** sha256 (hex) of the token: the token itself is never stored. */
  token_hash: string;
  person_id: number;
  created_at: string;
  revoked_at: string | null;
}

export type Role = 'admin' | 'editor' | 'approver';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  password_hash: string;
  role: Role;
  created_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  sid: string;
  data: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account: string;
  address: string;
  at: string;
}

/** A post of the office's feed; part 2 (#13) adds editing and approval on top. */
export interface PostsTable {
  /** The item id in the feed (a slug). */
  id: string;
  title: string;
  summary: string;
  url: string | null;
  image: string | null;
  /** JSON: { default?: string, <platform>: string | string[] } (PROTOCOL §2.2). */
  captions: string;
  /** JSON string array. */
  hashtags: string;
  /** JSON string array; empty: everywhere. */
  platforms: string;
  campaign: string | null;
  priority: number;
  date_published: string | null;
  valid_from: string | null;
  valid_until: string | null;
  /** What the feed shows: the live content (approved), retracted, or nothing yet (draft). */
  status: 'draft' | 'approved' | 'retracted';
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
  /** Migration 0002 (#13): where the post stands in its approval (server/approval/workflow.ts). */
  workflow: Generated<'draft' | 'submitted' | 'returned' | 'approved' | 'withdrawn'>;
  version: Generated<number>;
  author_id: number | null;
  revision: Generated<number>;
  live_revision: number | null;
  /** JSON number array: who changed the pending revision since the last approval. */
  contributors: Generated<string>;
  /** JSON: [{ userId, name, at }] of the pending revision. */
  approvals: Generated<string>;
  changed_by: Generated<string>;
  changed_at: Generated<string>;
}

/** What editors write: one row per revision of a post (#13). */
export interface PostRevisionsTable {
  post_id: string;
  revision: number;
  /** JSON of PostContent (server/posts/post-input.ts). */
  content: string;
  updated_by: string;
  updated_at: string;
}

/** Uploaded images, re-encoded without metadata (server/uploads/process-image.ts). */
export interface ImagesTable {
  /** Hex SHA-256 of `bytes`. */
  id: string;
  type: string;
  width: number;
  height: number;
  bytes: Buffer;
  created_by: string;
  created_at: string;
}

/** The last signed version of one feed URL: `seq` only rises (PROTOCOL §2.6). */
export interface FeedVersionsTable {
  url: string;
  seq: number;
  sha256: string;
  iat: number;
  exp: number;
  jws: string;
  /** Last-Modified: when this body first appeared. */
  /** When this body first appeared (a re-signature keeps it). */
  changed_at: string;
}

/** A counter of @fastify/rate-limit, shared by every process (store/rate-limit-store.ts). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  /** Milliseconds since the epoch (PostgreSQL's bigint comes back as a string). */
  reset_at: number | string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** JSON of what it was before, or null. */
  before: string | null;
  /** Migration 0002: a comment or what changed, or null. */
  detail: Generated<string | null>;
}

/** Each report id once (migration 0002): idempotency where `reports` is partitioned. */
export interface ReportIdsTable {
  id: string;
  received_at: string;
}

/** Shares per day × unit × platform × post, kept with each write: the dashboard's counts. */
export interface ReportRollupsTable {
  day: string;
  unit: string;
  platform: string;
  item_id: string;
  item_url: string | null;
  shares: number | string;
  unverified: number | string;
}

/** Verified shares of one enrolled person on one day (migration 0004): people, units and trend, exact over any range. */
export interface ReportPersonDaysTable {
  day: string;
  person_id: number;
  /** The person's unit in the office's record when they shared. */
  unit: string;
  shares: number | string;
}

/** That an enrolled person shared a post on a day, once (migration 0004): sharers per post over any range. */
export interface ReportPersonPostsTable {
  day: string;
  item_id: string;
  person_id: number;
}

/** Migration 0007-sharers: a post's sharers over all time, kept by a trigger on report_person_posts. */
export interface ReportPostTotalsTable {
  item_id: string;
  sharers: number;
  /** The first and last day anyone (enrolled, verified) shared the post. */
  first_day: string;
  last_day: string;
}

/** Migration 0007-sharers: that the person has shared the post, on any day. */
export interface ReportPostPeopleTable {
  item_id: string;
  person_id: number;
}

/** Migration 0004-site-health: the site check's counters (docs/protocol.md §7.1). */
export interface SiteHealthDaysTable {
  person_id: number;
  /** YYYY-MM-DD (UTC), as the extension counted it. */
  day: string;
  version: string;
  platform: string;
  composer_ok: number;
  composer_fail: number;
  caption_ok: number;
  caption_fail: number;
  publish_ok: number;
  publish_fail: number;
  permalink_ok: number;
  permalink_fail: number;
  received_at: string;
}

export interface SiteHealthFailingTable {
  person_id: number;
  version: string;
  platform: string;
  step: string;
  since: string;
  reported_at: string;
}

export interface Database {
  reports: ReportsTable;
  report_ids: ReportIdsTable;
  report_rollups: ReportRollupsTable;
  report_person_days: ReportPersonDaysTable;
  report_person_posts: ReportPersonPostsTable;
  report_post_totals: ReportPostTotalsTable;
  report_post_people: ReportPostPeopleTable;
  people: PeopleTable;
  enrollment_codes: EnrollmentCodesTable;
  report_tokens: ReportTokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  images: ImagesTable;
  feed_versions: FeedVersionsTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
  audit: AuditTable;
  site_health_days: SiteHealthDaysTable;
  site_health_failing: SiteHealthFailingTable;
}
