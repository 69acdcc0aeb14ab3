import { allowedActions, type Actor, type PostStatus } from '../../approval/workflow';
import { formatOfficeTime, type OfficeZone } from '../../posts/office-zone';
import type { StoredPost } from '../../store/post-store';
import { Both } from './bits';
import { StatusBadge } from './post-page';

/** `/posts`: one question per section, as in Ghost's admin: what waits for me, what is being written, what is live. */

function Table({ posts, zone, empty }: { posts: StoredPost[]; zone: OfficeZone; empty: [string, string] }) {
  if (posts.length === 0) {
    return (
      <p className="empty">
        <Both id={empty[0]} en={empty[1]} />
      </p>
    );
  }
  return (
    <table className="stack">
      <thead>
        <tr>
          <th scope="col">
            <Both id="Judul" en="Title" />
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <Both id="Terakhir diubah" en="Last change" />
          </th>
          <th scope="col">
            <Both id="Tayang" en="Window" />
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
                  <span className="status status-approved">
                    tayang <span lang="en">/ live</span>
                  </span>
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
                  <Both id="sejak disetujui" en="from approval on" />
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
  return (
    <>
      <h1>
        <Both id="Unggahan" en="Posts" />
      </h1>
      <nav>
        {writer ? (
          <a className="primary" href="/posts/new">
            <Both id="Tulis unggahan baru" en="Write a new post" />
          </a>
        ) : null}
        <span className="muted">
          <Both id={`Perlu ${requiredApprovals} persetujuan`} en={`${requiredApprovals} approval(s) required`} />
        </span>
      </nav>
      <section data-section="waiting">
        <h2>
          <Both id="Menunggu persetujuan Anda" en="Waiting for your approval" />
        </h2>
        <Table posts={mine} zone={zone} empty={['Tidak ada yang menunggu Anda.', 'Nothing waits for you.']} />
      </section>
      <section data-section="writing">
        <h2>
          <Both id="Sedang ditulis dan diajukan" en="Being written and submitted" />
        </h2>
        <Table posts={by('draft', 'returned', 'submitted')} zone={zone} empty={['Tidak ada draf.', 'No drafts.']} />
      </section>
      <section data-section="live">
        <h2>
          <Both id="Disetujui" en="Approved" />
        </h2>
        <Table posts={by('approved')} zone={zone} empty={['Belum ada.', 'None yet.']} />
      </section>
      <section data-section="withdrawn">
        <h2>
          <Both id="Ditarik" en="Withdrawn" />
        </h2>
        <Table posts={by('withdrawn')} zone={zone} empty={['Tidak ada.', 'None.']} />
      </section>
    </>
  );
}
