import { PLATFORM_IDS, PLATFORM_NAMES } from '../../../lib/share/platforms';
import { STATUS_WORDS, type Actor, type PostStatus, type WorkflowAction } from '../../approval/workflow';
import { formatOfficeTime, zoneName, type OfficeZone } from '../../posts/office-zone';
import { CAPTION_KEYS, VARIANT_BOXES, type FormValues } from '../../posts/post-form';
import type { PostPreview } from '../../posts/post-preview';
import { LIVE_PREVIEW_SCRIPT, PreviewPanel, PreviewProblems } from './preview-panel';
import type { Problem } from '../../problems';
import type { StoredPost } from '../../store/post-store';
import { Both, Csrf, Problems } from './bits';

/** `/posts/new` and `/posts/:id`: the editor's form, the preview per platform, and the approval actions. */

export interface PostPageProps {
  user: Actor;
  csrf: string;
  zone: OfficeZone;
  post: StoredPost | null;
  values: FormValues;
  problems: Problem[];
  preview: PostPreview | null;
  allowed: WorkflowAction['type'][];
  requiredApprovals: 1 | 2;
  /** The office's public origin: the live preview builds its feed item's addresses from it. */
  origin: string;
  notice?: [string, string];
}

export function StatusBadge({ status }: { status: PostStatus }) {
  const [id, en] = STATUS_WORDS[status];
  return (
    <span className={`status status-${status}`} data-status={status}>
      {id} <span lang="en">/ {en}</span>
    </span>
  );
}

function Field({ name, label, values, type = 'text', hint }: { name: string; label: [string, string]; values: FormValues; type?: string; hint?: string }) {
  return (
    <>
      <label htmlFor={`f-${name}`}>
        <Both id={label[0]} en={label[1]} />
      </label>
      {type === 'textarea' ? (
        <textarea id={`f-${name}`} name={name} defaultValue={values[name] ?? ''} rows={3} />
      ) : (
        <input id={`f-${name}`} name={name} type={type} defaultValue={values[name] ?? ''} aria-describedby={hint ? `h-${name}` : undefined} />
      )}
      {hint ? (
        <small id={`h-${name}`} className="muted">
          {hint}
        </small>
      ) : null}
    </>
  );
}

function CaptionBoxes({ captionKey, values }: { captionKey: string; values: FormValues }) {
  const name = captionKey === 'default' ? 'Umum / default' : PLATFORM_NAMES[captionKey as keyof typeof PLATFORM_NAMES];
  return (
    <>
      {Array.from({ length: VARIANT_BOXES }, (_, i) => (
        <div key={i}>
          <label htmlFor={`f-caption_${captionKey}_${i}`}>
            {name} — <Both id={`varian ${i + 1}`} en={`variant ${i + 1}`} />
          </label>
          <textarea id={`f-caption_${captionKey}_${i}`} name={`caption_${captionKey}_${i}`} defaultValue={values[`caption_${captionKey}_${i}`] ?? ''} rows={i === 0 ? 3 : 2} />
        </div>
      ))}
    </>
  );
}

function PostForm({ props }: { props: PostPageProps }) {
  const { values, post, zone } = props;
  const action = post ? `/posts/${encodeURIComponent(post.id)}` : '/posts/new';
  return (
    <form method="post" action={action} encType="multipart/form-data" data-post-form data-zone={zone} data-origin={props.origin}>
      <Csrf token={props.csrf} />
      {post ? <input type="hidden" name="version" value={post.state.version} /> : null}
      <input type="hidden" name="image" value={values.image ?? ''} />
      <Field name="title" label={['Judul', 'Title']} values={values} />
      <Field name="summary" label={['Ringkasan', 'Summary']} values={values} type="textarea" />
      <Field name="link" label={['Tautan berita', 'Article link']} values={values} type="url" hint="https://…" />
      <label htmlFor="f-image-file">
        <Both id="Gambar (PNG, JPEG, WebP, GIF; paling besar 5 MB)" en="Image (PNG, JPEG, WebP, GIF; at most 5 MB)" />
      </label>
      <input id="f-image-file" name="image_file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" />
      {values.image ? (
        <p className="muted">
          <img src={`/images/${values.image}`} alt="" width={120} /> <Both id="Gambar tersimpan; pilih berkas lain untuk menggantinya." en="Image saved; choose another file to replace it." />
        </p>
      ) : null}
      <fieldset>
        <legend>
          <Both id="Keterangan per platform" en="Captions per platform" />
        </legend>
        <CaptionBoxes captionKey="default" values={values} />
        {CAPTION_KEYS.filter((key) => key !== 'default').map((key) => (
          <details key={key} open={Boolean(values[`caption_${key}_0`] || values[`caption_${key}_1`] || values[`caption_${key}_2`])}>
            <summary>{PLATFORM_NAMES[key]}</summary>
            <CaptionBoxes captionKey={key} values={values} />
          </details>
        ))}
      </fieldset>
      <Field name="hashtags" label={['Tagar', 'Hashtags']} values={values} hint="#SAIK2019 #ASNMilenial" />
      <fieldset>
        <legend>
          <Both id="Platform (kosong: semua)" en="Platforms (none: all)" />
        </legend>
        <div className="platforms">
          {PLATFORM_IDS.filter((id) => id !== 'other').map((id) => (
            <label key={id}>
              <input type="checkbox" name={`platform_${id}`} defaultChecked={values[`platform_${id}`] === 'on'} /> {PLATFORM_NAMES[id]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <div>
          <Field name="campaign" label={['Kampanye', 'Campaign']} values={values} />
        </div>
        <div>
          <Field name="priority" label={['Prioritas (−100…100)', 'Priority']} values={values} type="number" />
        </div>
      </div>
      <div className="row">
        <div>
          <Field name="valid_from" label={[`Tayang mulai (${zoneName(zone)})`, 'Shown from']} values={values} type="datetime-local" />
        </div>
        <div>
          <Field name="valid_until" label={[`Tayang sampai (${zoneName(zone)})`, 'Shown until']} values={values} type="datetime-local" />
        </div>
      </div>
      <p className="actions">
        <button type="submit" className="primary">
          <Both id="Simpan & pratinjau" en="Save & preview" />
        </button>
      </p>
    </form>
  );
}

const ACTION_LABELS: Record<Exclude<WorkflowAction['type'], 'edit'>, [string, string]> = {
  submit: ['Ajukan untuk disetujui', 'Submit for approval'],
  approve: ['Setujui', 'Approve'],
  return: ['Kembalikan', 'Return'],
  withdraw: ['Tarik dari feed', 'Withdraw'],
};

function Actions({ props }: { props: PostPageProps }) {
  const post = props.post!;
  const actions = props.allowed.filter((type): type is Exclude<WorkflowAction['type'], 'edit'> => type !== 'edit');
  return (
    <div className="actions">
      {actions.map((type) => (
        <form key={type} method="post" action={`/posts/${encodeURIComponent(post.id)}/${type}`} data-action={type}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="version" value={post.state.version} />
          {type === 'return' || type === 'withdraw' ? (
            <label>
              <Both id={type === 'return' ? 'Alasan' : 'Catatan'} en={type === 'return' ? 'Reason' : 'Note'} />
              <input name="comment" type="text" required={type === 'return'} />
            </label>
          ) : null}
          <button type="submit" className={type === 'approve' || type === 'submit' ? 'primary' : undefined}>
            <Both id={ACTION_LABELS[type][0]} en={ACTION_LABELS[type][1]} />
          </button>
        </form>
      ))}
    </div>
  );
}

export function PostPage(props: PostPageProps) {
  const { post, preview, zone } = props;
  const canWrite = !post || props.allowed.includes('edit');
  return (
    <>
      <p>
        <a href="/posts">← <Both id="Semua unggahan" en="All posts" /></a>
      </p>
      <h1>{post ? post.content.title : <Both id="Unggahan baru" en="New post" />}</h1>
      {post ? (
        <p className="muted">
          <StatusBadge status={post.state.status} /> · <Both id={`versi ${post.state.version}`} en={`version ${post.state.version}`} /> ·{' '}
          {post.state.changedBy} · {formatOfficeTime(new Date(post.state.changedAt), zone)}
          {post.state.liveRevision !== null ? (
            <>
              {' '}· <strong data-live>
                <Both id={`revisi ${post.state.liveRevision} tayang`} en={`revision ${post.state.liveRevision} is live`} />
              </strong>
            </>
          ) : null}
          {post.state.status === 'submitted' ? (
            <>
              {' '}· <Both id={`${post.state.approvals.length} dari ${props.requiredApprovals} persetujuan`} en={`${post.state.approvals.length} of ${props.requiredApprovals} approvals`} />
            </>
          ) : null}
        </p>
      ) : null}
      {props.notice ? (
        <p className="ok" role="status">
          <Both id={props.notice[0]} en={props.notice[1]} />
        </p>
      ) : null}
      <Problems problems={props.problems} kind="error" title={['Belum tersimpan: periksa isian ini', 'Not saved: check these fields']} />
      <div data-preview-problems>{preview ? <PreviewProblems preview={preview} /> : null}</div>
      {post ? <Actions props={props} /> : null}
      <div className="editor">
        <section>
          {canWrite ? (
            <PostForm props={props} />
          ) : (
            <p className="muted">
              <Both id="Anda tidak dapat mengubah unggahan ini sekarang." en="You cannot edit this post now." />
            </p>
          )}
        </section>
        <div data-preview-live>{preview ? <PreviewPanel preview={preview} /> : null}</div>
      </div>
      {canWrite ? <script src={LIVE_PREVIEW_SCRIPT} defer /> : null}
    </>
  );
}
