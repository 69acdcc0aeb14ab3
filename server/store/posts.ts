import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PostsTable } from '../db/schema';
import { demoFeed } from '../demo-feed';

/** The office's posts. Part 2 (#13) adds editing and approval; until then they are seeded. */

export type PostRow = Selectable<PostsTable>;
export type NewPostRow = Insertable<PostsTable>;

/**
 * Posts a feed carries: approved ones, and retracted ones as `approved: false` so that caches drop them.
 * A post whose window has not opened yet is not in the feed at all (#13): an embargoed press
 * release stays on the office's server until its time, and the feed's next version (a new
 * body, so a new `seq`) carries it from the moment its window opens, without anyone acting.
 */
export async function postsForFeed(db: Kysely<Database>, now = new Date(), limit = 2000): Promise<PostRow[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86400_000).toISOString();
  const rows = await db
    .selectFrom('posts')
    .selectAll()
    .where('status', 'in', ['approved', 'retracted'])
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', weekAgo)]))
    .orderBy('priority', 'desc')
    .orderBy('date_published', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  // Compared as instants: valid_from carries the office's offset (`…T08:00:00+07:00`).
  return rows.filter((post) => !post.valid_from || Date.parse(post.valid_from) <= now.getTime());
}

export async function upsertPosts(db: Kysely<Database>, posts: NewPostRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const post of posts) {
      const { id, created_at, ...rest } = post;
      await trx
        .insertInto('posts')
        .values(post)
        .onConflict((c) => c.column('id').doUpdateSet(rest))
        .execute();
      void id;
      void created_at;
    }
  });
}

/**
 * The demo feed's items as posts, dated relative to `now`; links stay relative
 * (`/demo/…`) and are made absolute with the origin the feed is served from.
 */
export function demoPosts(now = new Date()): NewPostRow[] {
  const stamp = now.toISOString();
  return demoFeed('', now).items.map((item) => {
    const meta = item._siar as Record<string, unknown> & { captions: Record<string, string | string[]> };
    return {
      id: item.id,
      title: item.title,
      summary: item.content_text,
      url: item.url ?? null,
      image: 'image' in item ? (item.image as string) : null,
      captions: JSON.stringify(meta.captions),
      hashtags: JSON.stringify(meta.hashtags ?? []),
      platforms: JSON.stringify(meta.platforms ?? []),
      campaign: (meta.campaign as string | undefined) ?? null,
      priority: (meta.priority as number | undefined) ?? 0,
      date_published: item.date_published ?? null,
      valid_from: (meta.valid_from as string | undefined) ?? null,
      valid_until: (meta.valid_until as string | undefined) ?? null,
      status: meta.approved === true ? 'approved' : 'retracted',
      approved_by: (meta.approved_by as string | undefined) ?? null,
      approved_at: (meta.approved_at as string | undefined) ?? null,
      created_at: stamp,
      updated_at: stamp,
    };
  });
}
