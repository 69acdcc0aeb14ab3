import { PLATFORM_IDS, PLATFORM_NAMES } from '../../../lib/share/platforms';
import { type Actor, type PostStatus, type WorkflowAction } from '../../approval/workflow';
import { formatOfficeTime, zoneName, type OfficeZone } from '../../posts/office-zone';
import { CAPTION_KEYS, VARIANT_BOXES, type FormValues } from '../../posts/post-form';
import type { PostPreview } from '../../posts/post-preview';
import { LIVE_PREVIEW_SCRIPT, PreviewPanel, PreviewProblems } from './preview-panel';
import type { Problem } from '../../problems';
import type { StoredPost } from '../../store/post-store';
import type { PlainKey } from '../../i18n/messages';
import { Csrf, Problems, useLanguage } from './bits';

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
  notice?: 'post.saved' | 'post.done';
}

export function StatusBadge({ status }: { status: PostStatus }) {
  const { t } = useLanguage();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

function Field({ name, label, values, type = 'text', hint }: { name: string; label: string; values: FormValues; type?: string; hint?: string }) {
  return (
    <>
      <label htmlFor={`f-${name}`}>{label}</label>
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
  const { t } = useLanguage();
  const name = captionKey === 'default' ? t('post.captionDefault') : PLATFORM_NAMES[captionKey as keyof typeof PLATFORM_NAMES];
  return (
    <>
      {Array.from({ length: VARIANT_BOXES }, (_, i) => (
        <div key={i}>
          <label htmlFor={`f-caption_${captionKey}_${i}`}>
            {name} — {t('post.variant', { n: i + 1 })}
          </label>
          <textarea id={`f-caption_${captionKey}_${i}`} name={`caption_${captionKey}_${i}`} defaultValue={values[`caption_${captionKey}_${i}`] ?? ''} rows={i === 0 ? 3 : 2} />
        </div>
      ))}
    </>
  );
}

function PostForm({ props }: { props: PostPageProps }) {
  const { values, post, zone } = props;
  const { t } = useLanguage();
  const action = post ? `/posts/${encodeURIComponent(post.id)}` : '/posts/new';
  return (
    <form method="post" action={action} encType="multipart/form-data" data-post-form data-zone={zone} data-origin={props.origin}>
      <Csrf token={props.csrf} />
      {post ? <input type="hidden" name="version" value={post.state.version} /> : null}
      <input type="hidden" name="image" value={values.image ?? ''} />
      <Field name="title" label={t('post.fieldTitle')} values={values} />
      <Field name="summary" label={t('post.fieldSummary')} values={values} type="textarea" />
      <Field name="link" label={t('post.fieldLink')} values={values} type="url" hint="https://…" />
      <label htmlFor="f-image-file">{t('post.fieldImage')}</label>
      <input id="f-image-file" name="image_file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" />
      {values.image ? (
        <p className="muted">
          <img src={`/images/${values.image}`} alt="" width={120} /> {t('post.imageSaved')}
        </p>
      ) : null}
      <fieldset>
        <legend>{t('post.captions')}</legend>
        <CaptionBoxes captionKey="default" values={values} />
        {CAPTION_KEYS.filter((key) => key !== 'default').map((key) => (
          <details key={key} open={Boolean(values[`caption_${key}_0`] || values[`caption_${key}_1`] || values[`caption_${key}_2`])}>
            <summary>{PLATFORM_NAMES[key]}</summary>
            <CaptionBoxes captionKey={key} values={values} />
          </details>
        ))}
      </fieldset>
      <Field name="hashtags" label={t('post.fieldHashtags')} values={values} hint="#SAIK2019 #ASNMilenial" />
      <fieldset>
        <legend>{t('post.platforms')}</legend>
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
          <Field name="campaign" label={t('post.fieldCampaign')} values={values} />
        </div>
        <div>
          <Field name="priority" label={t('post.fieldPriority')} values={values} type="number" />
        </div>
      </div>
      <div className="row">
        <div>
          <Field name="valid_from" label={t('post.shownFrom', { zone: zoneName(zone) })} values={values} type="datetime-local" />
        </div>
        <div>
          <Field name="valid_until" label={t('post.shownUntil', { zone: zoneName(zone) })} values={values} type="datetime-local" />
        </div>
      </div>
      <p className="actions">
        <button type="submit" className="primary">
          {t('post.save')}
        </button>
      </p>
    </form>
  );
}

const ACTION_LABELS: Record<Exclude<WorkflowAction['type'], 'edit'>, PlainKey> = {
  submit: 'post.submit',
  approve: 'post.approve',
  return: 'post.return',
  withdraw: 'post.withdraw',
};

function Actions({ props }: { props: PostPageProps }) {
  const post = props.post!;
  const { t } = useLanguage();
  const actions = props.allowed.filter((type): type is Exclude<WorkflowAction['type'], 'edit'> => type !== 'edit');
  return (
    <div className="actions">
      {actions.map((type) => (
        <form key={type} method="post" action={`/posts/${encodeURIComponent(post.id)}/${type}`} data-action={type}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="version" value={post.state.version} />
          {type === 'return' || type === 'withdraw' ? (
            <label>
              {t(type === 'return' ? 'post.reason' : 'post.note')}
              <input name="comment" type="text" required={type === 'return'} />
            </label>
          ) : null}
          <button type="submit" className={type === 'approve' || type === 'submit' ? 'primary' : undefined}>
            {t(ACTION_LABELS[type])}
          </button>
        </form>
      ))}
    </div>
  );
}

export function PostPage(props: PostPageProps) {
  const { post, preview, zone } = props;
  const canWrite = !post || props.allowed.includes('edit');
  const { t } = useLanguage();
  return (
    <>
      <p>
        <a href="/posts">← {t('post.all')}</a>
      </p>
      <h1>{post ? post.content.title : t('post.new')}</h1>
      {post ? (
        <p className="muted">
          <StatusBadge status={post.state.status} /> · {t('post.version', { n: post.state.version })} ·{' '}
          {post.state.changedBy} · {formatOfficeTime(new Date(post.state.changedAt), zone)}
          {post.state.liveRevision !== null ? (
            <>
              {' '}· <strong data-live>
                {t('post.liveRevision', { n: post.state.liveRevision })}
              </strong>
            </>
          ) : null}
          {post.state.status === 'submitted' ? (
            <>
              {' '}· {t('post.approvals', { n: post.state.approvals.length, of: props.requiredApprovals })}
            </>
          ) : null}
        </p>
      ) : null}
      {props.notice ? (
        <p className="ok" role="status">
          {t(props.notice)}
        </p>
      ) : null}
      <Problems problems={props.problems} kind="error" title="post.notSaved" />
      <div data-preview-problems>{preview ? <PreviewProblems preview={preview} /> : null}</div>
      {post ? <Actions props={props} /> : null}
      <div className="editor">
        <section>
          {canWrite ? (
            <PostForm props={props} />
          ) : (
            <p className="muted">
              {t('post.cannotEdit')}
            </p>
          )}
        </section>
        <div data-preview-live>{preview ? <PreviewPanel preview={preview} /> : null}</div>
      </div>
      {canWrite ? <script src={LIVE_PREVIEW_SCRIPT} defer /> : null}
    </>
  );
}
