import { allowedActions, type Actor, type PostStatus } from '../../approval/workflow';
import { formatOfficeTime, type OfficeZone } from '../../posts/office-zone';
import type { StoredPost } from '../../store/post-store';
import type { PlainKey } from '../../i18n/messages';
import { useLanguage } from './bits';
import { StatusBadge } from './post-page';

/** `/posts`: one question per section, as in Ghost's admin: what waits for me, what is being written, what is live. */

function Table({ posts, zone, empty }: { posts: StoredPost[]; zone: OfficeZone; empty: PlainKey }) {
  const { t } = useLanguage();
  if (posts.length === 0) return <p className="empty">{t(empty)}</p>;
  return (
    <table className="stack">
      <thead>
        <tr>
          <th scope="col">
            {t('posts.columnTitle')}
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            {t('posts.lastChange')}
          </th>
          <th scope="col">
            {t('posts.window')}
          </th>
        </tr>
      </thead>
      <tbody>
        {posts.map((post) => (
          <tr key={post.id} data-post={post.id}>
            <td>
              <a href={`/posts/${encodeURIComponent(post.id)}`}>{post.content.title}</a>
            </td>
            <td>
              <StatusBadge status={post.state.status} />
              {post.state.liveRevision !== null && post.state.status !== 'approved' ? (
                <>
                  {' '}
                  <span className="status status-approved">{t('posts.live')}</span>
                </>
              ) : null}
            </td>
            <td>
              {post.state.changedBy}
              <br />
              <small>{formatOfficeTime(new Date(post.state.changedAt), zone)}</small>
            </td>
            <td>
              {post.content.validFrom || post.content.validUntil ? (
                <small>
                  {post.content.validFrom ? formatOfficeTime(new Date(post.content.validFrom), zone) : '…'} –{' '}
                  {post.content.validUntil ? formatOfficeTime(new Date(post.content.validUntil), zone) : '…'}
                </small>
              ) : (
                <small>
                  {t('posts.fromApproval')}
                </small>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PostListPage({ user, posts, zone, requiredApprovals }: { user: Actor; posts: StoredPost[]; zone: OfficeZone; requiredApprovals: 1 | 2 }) {
  const mine = posts.filter((post) => allowedActions(post.state, user, requiredApprovals).includes('approve'));
  const by = (...statuses: PostStatus[]) => posts.filter((post) => statuses.includes(post.state.status) && !mine.includes(post));
  const writer = user.role === 'editor' || user.role === 'admin';
  const { t } = useLanguage();
  return (
    <>
      <h1>
        {t('posts.title')}
      </h1>
      <nav>
        {writer ? (
          <a className="primary" href="/posts/new">
            {t('posts.writeNew')}
          </a>
        ) : null}
        <span className="muted">
          {t('posts.approvalsRequired', { n: requiredApprovals })}
        </span>
      </nav>
      <section data-section="waiting">
        <h2>
          {t('posts.waiting')}
        </h2>
        <Table posts={mine} zone={zone} empty="posts.waitingEmpty" />
      </section>
      <section data-section="writing">
        <h2>
          {t('posts.writing')}
        </h2>
        <Table posts={by('draft', 'returned', 'submitted')} zone={zone} empty="posts.writingEmpty" />
      </section>
      <section data-section="live">
        <h2>
          {t('posts.approved')}
        </h2>
        <Table posts={by('approved')} zone={zone} empty="word.noneYet" />
      </section>
      <section data-section="withdrawn">
        <h2>
          {t('posts.withdrawn')}
        </h2>
        <Table posts={by('withdrawn')} zone={zone} empty="posts.withdrawnEmpty" />
      </section>
    </>
  );
}
