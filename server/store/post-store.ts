import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { formatWithOffset } from '../../lib/time/zoned-date';
import { applyAction, createPost, type Actor, type WorkflowAction, type WorkflowState } from '../approval/workflow';
import type { Database } from '../db/schema';
import type { PostContent } from '../posts/post-input';
import { imagePath } from '../posts/preview-context';
import { problem, type Problem } from '../problems';
import type { PostRow } from './posts';

/**
 * Posts as editors and approvers work on them: the workflow (server/approval/workflow.ts)
 * applied inside one transaction, guarded a second time by the database itself
 * (`UPDATE … WHERE version = ?`), so two tabs or two people never overwrite each other
 * silently. Approval copies the approved revision into the `posts` row that the feed reads.
 */

export interface StoredPost {
  id: string;
  state: WorkflowState;
  /** The revision being written or waiting (the newest). */
  content: PostContent;
  /** What the feed shows now; null when nothing is live. */
  live: PostRow | null;
  createdAt: string;
}

export type StoreResult = { ok: true; post: StoredPost } | { ok: false; status: 400 | 403 | 404 | 409; problem: Problem };

export interface PostStoreOptions {
  timeZone: string;
  /** Refusals found before submitting (a platform caption over its limit). */
  blockingProblems?: (content: PostContent) => Problem[];
  formatTime?: (instant: Date) => string;
}

type Db = Kysely<Database> | Transaction<Database>;

/** An uploaded image's path; a seeded post may name a path of its own (the demo's). */

/** `saik-2019-dibuka-x7k2p9`: readable in the feed and in reports, unique by its tail. */
export function postSlug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${base || 'unggahan'}-${randomBytes(4).toString('hex').slice(0, 6)}`;
}

/** A post seeded before the workflow (the demo) has no revision row: its live content is its content. */
function contentFromRow(row: PostRow): PostContent {
  const platforms = JSON.parse(row.platforms) as PostContent['platforms'];
  const captions = JSON.parse(row.captions) as Record<string, string | string[]>;
  return {
    title: row.title,
    summary: row.summary,
    link: row.url,
    image: row.image,
    captions: Object.fromEntries(Object.entries(captions).map(([key, value]) => [key, Array.isArray(value) ? value : [value]])),
    hashtags: JSON.parse(row.hashtags) as string[],
    platforms: platforms && platforms.length > 0 ? platforms : null,
    campaign: row.campaign,
    priority: row.priority,
    validFrom: row.valid_from ? new Date(row.valid_from).toISOString() : null,
    validUntil: row.valid_until ? new Date(row.valid_until).toISOString() : null,
  };
}

function stateOf(row: PostRow): WorkflowState {
  return {
    status: row.workflow,
    version: row.version,
    authorId: row.author_id ?? -1,
    revision: row.revision,
    liveRevision: row.live_revision,
    contributors: JSON.parse(row.contributors) as number[],
    approvals: JSON.parse(row.approvals) as WorkflowState['approvals'],
    changedBy: row.changed_by,
    changedAt: row.changed_at || row.updated_at,
  };
}

export class PostStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PostStoreOptions,
  ) {}

  async requiredApprovals(db: Db = this.db): Promise<1 | 2> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'required_approvals').executeTakeFirst();
    return row?.value === '2' ? 2 : 1;
  }

  async setRequiredApprovals(count: 1 | 2, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await this.requiredApprovals(trx);
      await trx
        .insertInto('settings')
        .values({ key: 'required_approvals', value: String(count) })
        .onConflict((c) => c.column('key').doUpdateSet({ value: String(count) }))
        .execute();
      await this.audit(trx, actor, 'settings.required_approvals', 'settings', { required_approvals: before }, String(count));
    });
  }

  async get(id: string, db: Db = this.db): Promise<StoredPost | null> {
    const row = await db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const revision = await db.selectFrom('post_revisions').select('content').where('post_id', '=', id).where('revision', '=', row.revision).executeTakeFirst();
    return {
      id,
      state: stateOf(row),
      content: revision ? (JSON.parse(revision.content) as PostContent) : contentFromRow(row),
      live: row.status === 'approved' ? row : null,
      createdAt: row.created_at,
    };
  }

  /** Newest change first; the list page groups them by status. */
  async list(limit = 500): Promise<StoredPost[]> {
    const rows = await this.db.selectFrom('posts').select('id').orderBy('changed_at', 'desc').orderBy('id').limit(limit).execute();
    const posts = await Promise.all(rows.map((row) => this.get(row.id)));
    return posts.filter((post): post is StoredPost => post !== null);
  }

  async create(actor: Actor, content: PostContent, now = new Date()): Promise<StoreResult> {
    const created = createPost(actor, now);
    if ('ok' in created) return created;
    const id = postSlug(content.title);
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      // The posts row exists from the start (the feed ignores drafts); its content becomes the live one at approval.
      await trx
        .insertInto('posts')
        .values({ id, ...this.liveColumns(content), status: 'draft', approved_by: null, approved_at: null, date_published: null, created_at: at, updated_at: at, ...this.stateColumns(created.state) })
        .execute();
      await trx.insertInto('post_revisions').values({ post_id: id, revision: 1, content: JSON.stringify(content), updated_by: actor.name, updated_at: at }).execute();
      await this.audit(trx, actor, 'post.create', id, null, content.title, at);
    });
    return { ok: true, post: (await this.get(id))! };
  }

  async edit(id: string, actor: Actor, expectedVersion: number, content: PostContent, now = new Date()): Promise<StoreResult> {
    return this.change(id, actor, { type: 'edit' }, expectedVersion, now, async (trx, before, next) => {
      const at = now.toISOString();
      if (next.revision !== before.state.revision) {
        await trx.insertInto('post_revisions').values({ post_id: id, revision: next.revision, content: JSON.stringify(content), updated_by: actor.name, updated_at: at }).execute();
      } else {
        await trx
          .insertInto('post_revisions')
          .values({ post_id: id, revision: next.revision, content: JSON.stringify(content), updated_by: actor.name, updated_at: at })
          .onConflict((c) => c.columns(['post_id', 'revision']).doUpdateSet({ content: JSON.stringify(content), updated_by: actor.name, updated_at: at }))
          .execute();
      }
      // What it was before: the revision's content as it stood.
      return { before: before.content, detail: `revision ${next.revision}` };
    });
  }

  async act(id: string, actor: Actor, action: Exclude<WorkflowAction, { type: 'edit' }>, expectedVersion: number, now = new Date()): Promise<StoreResult> {
    if (action.type === 'submit') {
      const current = await this.get(id);
      const blocking = current ? (this.options.blockingProblems?.(current.content) ?? []) : [];
      if (blocking.length > 0) return { ok: false, status: 400, problem: blocking[0]! };
    }
    return this.change(id, actor, action, expectedVersion, now, async (trx, before, next, goesLive) => {
      const at = now.toISOString();
      if (goesLive) {
        const approvedBy = next.approvals.map((a) => a.name).join(' & ');
        const stamp = formatWithOffset(now, this.options.timeZone);
        await trx
          .updateTable('posts')
          .set({ ...this.liveColumns(before.content), status: 'approved', approved_by: approvedBy, approved_at: stamp, date_published: stamp, updated_at: at })
          .where('id', '=', id)
          .execute();
      }
      if (action.type === 'withdraw') await trx.updateTable('posts').set({ status: 'retracted', updated_at: at }).where('id', '=', id).execute();
      const comment = 'comment' in action ? (action.comment?.trim() ?? '') : '';
      return { before: { status: before.state.status, live_revision: before.state.liveRevision, version: before.state.version }, detail: goesLive ? `live revision ${next.liveRevision}${comment ? ` · ${comment}` : ''}` : comment || null };
    });
  }

  private async change(
    id: string,
    actor: Actor,
    action: WorkflowAction,
    expectedVersion: number,
    now: Date,
    write: (trx: Transaction<Database>, before: StoredPost, next: WorkflowState, goesLive: boolean) => Promise<{ before: unknown; detail: string | null }>,
  ): Promise<StoreResult> {
    const requiredApprovals = await this.requiredApprovals();
    const outcome = await this.db.transaction().execute(async (trx): Promise<StoreResult> => {
      const before = await this.get(id, trx);
      if (!before) return { ok: false, status: 404, problem: problem('not_found') };
      const result = applyAction(before.state, action, { actor, expectedVersion, now, requiredApprovals, formatTime: this.options.formatTime });
      if (!result.ok) return result;
      // The database's own guard: a change that committed since we read is not overwritten.
      const updated = await trx
        .updateTable('posts')
        .set({ ...this.stateColumns(result.state), updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('version', '=', before.state.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const latest = (await this.get(id, trx))!;
        const at = this.options.formatTime ? this.options.formatTime(new Date(latest.state.changedAt)) : latest.state.changedAt;
        return { ok: false, status: 409, problem: problem('stale_version', { by: latest.state.changedBy, at }) };
      }
      const { before: was, detail } = await write(trx, before, result.state, result.goesLive);
      await this.audit(trx, actor, `post.${action.type}`, id, was, detail, result.audit.at);
      return { ok: true, post: before };
    });
    if (!outcome.ok) return outcome;
    return { ok: true, post: (await this.get(id))! };
  }

  private stateColumns(state: WorkflowState) {
    return {
      workflow: state.status,
      version: state.version,
      author_id: state.authorId,
      revision: state.revision,
      live_revision: state.liveRevision,
      contributors: JSON.stringify(state.contributors),
      approvals: JSON.stringify(state.approvals),
      changed_by: state.changedBy,
      changed_at: state.changedAt,
    };
  }

  /** The feed's columns (kantor's `posts` row) from a revision's content. */
  private liveColumns(content: PostContent) {
    const at = (instant: string | null) => (instant ? formatWithOffset(new Date(instant), this.options.timeZone) : null);
    return {
      title: content.title,
      summary: content.summary,
      url: content.link,
      image: content.image ? imagePath(content.image) : null,
      captions: JSON.stringify(content.captions),
      hashtags: JSON.stringify(content.hashtags),
      platforms: JSON.stringify(content.platforms ?? []),
      campaign: content.campaign,
      priority: content.priority,
      valid_from: at(content.validFrom),
      valid_until: at(content.validUntil),
    };
  }

  private async audit(trx: Db, actor: Actor, action: string, subject: string, before: unknown, detail: string | null, at = new Date().toISOString()): Promise<void> {
    await trx
      .insertInto('audit')
      .values({ at, actor: `${actor.name} (${actor.role})`, action, subject, before: before === null || before === undefined ? null : JSON.stringify(before), detail })
      .execute();
  }
}
