import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/** The first schema: reports, people and their codes and tokens, users and sessions, posts, feed versions, audit. */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  // An integer key that numbers itself, spelled per dialect.
  const serial = kind === 'postgres' ? 'serial' : 'integer';
  const auto = kind === 'sqlite' ? ' autoincrement' : '';

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feed_url', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_url', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('post_url', 'text')
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reporter_unit', 'text', (c) => c.notNull())
    .addColumn('client_name', 'text', (c) => c.notNull())
    .addColumn('client_version', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('reports_received_at').on('reports').column('received_at').execute();
  // The dashboard's day: the date in shared_at, in the share's own offset.
  await sql`CREATE INDEX reports_shared_day ON reports ((substr(shared_at, 1, 10)))`.execute(db);

  await sql`CREATE TABLE people (
    id ${sql.raw(serial)} PRIMARY KEY${sql.raw(auto)},
    nip text NOT NULL UNIQUE,
    name text NOT NULL,
    unit text NOT NULL,
    email text,
    created_at text NOT NULL,
    revoked_at text)`.execute(db);

  await sql`CREATE TABLE enrollment_codes (
    id ${sql.raw(serial)} PRIMARY KEY${sql.raw(auto)},
    person_id integer NOT NULL REFERENCES people (id),
    code_hash text NOT NULL UNIQUE,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    used_at text,
    revoked_at text)`.execute(db);
  await db.schema.createIndex('enrollment_codes_person').on('enrollment_codes').column('person_id').execute();

  await db.schema
    .createTable('report_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('report_tokens_person').on('report_tokens').column('person_id').execute();

  await sql`CREATE TABLE users (
    id ${sql.raw(serial)} PRIMARY KEY${sql.raw(auto)},
    name text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role text NOT NULL,
    created_at text NOT NULL,
    password_changed_at text NOT NULL)`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('sid', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await sql`CREATE TABLE login_failures (
    id ${sql.raw(serial)} PRIMARY KEY${sql.raw(auto)},
    account text NOT NULL,
    address text NOT NULL,
    at text NOT NULL)`.execute(db);
  await db.schema.createIndex('login_failures_account').on('login_failures').columns(['account', 'at']).execute();
  await db.schema.createIndex('login_failures_address').on('login_failures').columns(['address', 'at']).execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('image', 'text')
    .addColumn('captions', 'text', (c) => c.notNull())
    .addColumn('hashtags', 'text', (c) => c.notNull())
    .addColumn('platforms', 'text', (c) => c.notNull())
    .addColumn('campaign', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date_published', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_status').on('posts').column('status').execute();

  await db.schema
    .createTable('feed_versions')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('iat', 'bigint', (c) => c.notNull())
    .addColumn('exp', 'bigint', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await sql`CREATE TABLE audit (
    id ${sql.raw(serial)} PRIMARY KEY${sql.raw(auto)},
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    before text)`.execute(db);
}
