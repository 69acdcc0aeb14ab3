import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * Posts written and approved in Siar Kantor (#13). The `posts` row stays what the feed
 * reads (the live, approved content); the workflow columns say where the post stands,
 * `post_revisions` holds what editors write, `images` the uploads (in the database, so
 * that one backup keeps everything), and `audit` gains the comment and the details.
 */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const blob = kind === 'postgres' ? 'bytea' : 'blob';
  const addColumns: [string, string][] = [
    ['workflow', "text NOT NULL DEFAULT 'draft'"],
    ['version', 'integer NOT NULL DEFAULT 1'],
    ['author_id', 'integer'],
    ['revision', 'integer NOT NULL DEFAULT 1'],
    ['live_revision', 'integer'],
    ['contributors', "text NOT NULL DEFAULT '[]'"],
    ['approvals', "text NOT NULL DEFAULT '[]'"],
    ['changed_by', "text NOT NULL DEFAULT ''"],
    ['changed_at', "text NOT NULL DEFAULT ''"],
  ];
  for (const [name, type] of addColumns) await sql`ALTER TABLE posts ADD COLUMN ${sql.raw(name)} ${sql.raw(type)}`.execute(db);
  // Posts seeded before this migration (the demo) were approved or retracted outside any workflow.
  await sql`UPDATE posts SET workflow = CASE status WHEN 'approved' THEN 'approved' WHEN 'retracted' THEN 'withdrawn' ELSE 'draft' END,
    live_revision = CASE status WHEN 'approved' THEN 1 ELSE NULL END, changed_at = updated_at`.execute(db);
  await db.schema.createIndex('posts_workflow').on('posts').column('workflow').execute();

  await db.schema
    .createTable('post_revisions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** JSON of PostContent (server/posts/post-input.ts). */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_revisions_pk', ['post_id', 'revision'])
    .execute();

  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', sql.raw(blob), (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await sql`ALTER TABLE audit ADD COLUMN detail text`.execute(db);
  await db.schema.createIndex('audit_at').on('audit').column('at').execute();

  // The dashboard reads shares by person and by day; person_id joins people for the unit.
  await db.schema.createIndex('reports_person_day').on('reports').columns(['person_id', 'shared_at']).execute();
  // The summary's latest shares: walked backwards by day then time, it stops after the page's rows.
  await sql`CREATE INDEX reports_day_time ON reports ((substr(shared_at, 1, 10)), shared_at)`.execute(db);
}
