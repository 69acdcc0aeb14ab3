import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../lib/i18n';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { allowedActions, type WorkflowAction } from '../approval/workflow';
import type { Kantor } from '../context';
import { requestOrigin } from '../http-helpers';
import { message } from '../i18n/messages';
import { frameOf, page } from '../pages/layout';
import { InLanguage, POST_STYLE } from '../pages/posts/bits';
import { PostListPage } from '../pages/posts/post-list-page';
import { PostPage, type PostPageProps } from '../pages/posts/post-page';
import { contentToValues, formValues, valuesToInput, type FormValues } from '../posts/post-form';
import { parsePostInput } from '../posts/post-input';
import { previewFormValues } from '../posts/post-preview';
import { formatBytes, problem, type Problem } from '../problems';
import type { StoredPost } from '../store/post-store';
import { IMAGE_LIMITS, processImage } from '../uploads/process-image';
import { livePreviewPlugin } from './live-preview';
import { officeZone, previewContext } from './posts-api';

/**
 * The posts pages, server-rendered with React (react-dom/server), working without any
 * script: forms post, the server answers with the page again (with exactly what was
 * typed when something is wrong) or redirects after success.
 */

interface UploadedFile {
  bytes: Buffer;
  truncated: boolean;
}

const idParams = { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 120 } } } } as const;

export function postsPagesPlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: IMAGE_LIMITS.maxBytes + 1, files: 1, fields: 80, fieldSize: 64 * 1024 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: UploadedFile }).value = { bytes, truncated: part.file.truncated };
      },
    });
    await app.register(livePreviewPlugin);
    const staff = app.requireRole('admin', 'editor', 'approver');
    const writers = app.requireRole('admin', 'editor');
    const zone = officeZone(kantor);

    /** `title` is a post's own title, or a sentence of the catalogue in the page's language. */
    function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string | ((lang: Language) => string), element: ReactElement) {
      const frame = frameOf(request, { user: request.user!, csrf: reply.generateCsrf() });
      const body = `<style>${POST_STYLE}</style>${renderToStaticMarkup(createElement(InLanguage, { lang: frame.lang }, element))}`;
      return reply
        .code(status)
        .headers({ 'Cache-Control': 'no-store' })
        .type('text/html; charset=utf-8')
        .send(page(typeof title === 'string' ? title : title(frame.lang), body, frame));
    }

    async function showPost(request: FastifyRequest, reply: FastifyReply, status: number, post: StoredPost | null, extra: Partial<PostPageProps> = {}) {
      const required = await kantor.posts.requiredApprovals();
      const values = extra.values ?? (post ? contentToValues(post.content, zone) : { priority: '0' });
      const origin = requestOrigin(request);
      const props: PostPageProps = {
        user: request.user!,
        csrf: reply.generateCsrf(),
        zone,
        post,
        values,
        problems: [],
        preview: previewFormValues(values, zone, previewContext(kantor, origin)),
        origin,
        allowed: post ? allowedActions(post.state, request.user!, required) : [],
        requiredApprovals: required,
        ...extra,
      };
      return send(request, reply, status, post ? post.content.title : (lang) => message(lang, 'post.new'), createElement(PostPage, props));
    }

    /** The typed form → a post, with the uploaded image processed first; problems keep the input. */
    async function readForm(body: Record<string, unknown>, by: string): Promise<{ values: FormValues; problems: Problem[] }> {
      const values = formValues(body);
      const file = body.image_file as UploadedFile | undefined;
      if (file && (file.bytes.length > 0 || file.truncated)) {
        if (file.truncated) {
          const max = formatBytes(IMAGE_LIMITS.maxBytes);
          return { values, problems: [problem('image_too_large', { size: `> ${max}`, max }, 'image')] };
        }
        const result = await processImage(file.bytes);
        if (!result.ok) return { values, problems: [result.problem] };
        values.image = await kantor.images.save(result.image, by);
      }
      return { values, problems: [] };
    }

    app.get('/posts', { preHandler: staff }, async (request, reply) => {
      const required = await kantor.posts.requiredApprovals();
      return send(request, reply, 200, (lang) => message(lang, 'posts.title'), createElement(PostListPage, { user: request.user!, posts: await kantor.posts.list(), zone, requiredApprovals: required }));
    });

    app.get('/posts/new', { preHandler: writers }, (request, reply) => showPost(request, reply, 200, null));

    app.post<{ Body: Record<string, unknown> }>('/posts/new', { preHandler: [writers, app.csrfProtection] }, async (request, reply) => {
      const { values, problems } = await readForm(request.body ?? {}, request.user!.name);
      if (problems.length > 0) return showPost(request, reply, 400, null, { values, problems });
      const parsed = parsePostInput(valuesToInput(values), zone);
      if (!parsed.ok) return showPost(request, reply, 400, null, { values, problems: parsed.problems });
      const result = await kantor.posts.create(request.user!, parsed.post);
      if (!result.ok) return showPost(request, reply, result.status, null, { values, problems: [result.problem] });
      return reply.redirect(`/posts/${encodeURIComponent(result.post.id)}?saved=1`, 303);
    });

    app.get<{ Params: { id: string }; Querystring: { saved?: string; done?: string } }>('/posts/:id', { preHandler: staff, schema: idParams }, async (request, reply) => {
      const post = await kantor.posts.get(request.params.id);
      if (!post) return reply.callNotFound();
      const notice = request.query.saved ? 'post.saved' : request.query.done ? 'post.done' : undefined;
      return showPost(request, reply, 200, post, { notice });
    });

    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/posts/:id', { preHandler: [writers, app.csrfProtection], schema: idParams }, async (request, reply) => {
      const post = await kantor.posts.get(request.params.id);
      if (!post) return reply.callNotFound();
      const { values, problems } = await readForm(request.body ?? {}, request.user!.name);
      if (problems.length > 0) return showPost(request, reply, 400, post, { values, problems });
      const parsed = parsePostInput(valuesToInput(values), zone);
      if (!parsed.ok) return showPost(request, reply, 400, post, { values, problems: parsed.problems });
      const result = await kantor.posts.edit(post.id, request.user!, Number(values.version), parsed.post);
      // A stale edit is shown with what was typed, so nothing is lost: the person copies it over.
      if (!result.ok) return showPost(request, reply, result.status, post, { values, problems: [result.problem] });
      return reply.redirect(`/posts/${encodeURIComponent(post.id)}?saved=1`, 303);
    });

    for (const type of ['submit', 'approve', 'return', 'withdraw'] as const) {
      app.post<{ Params: { id: string }; Body: { version?: string; comment?: string } }>(
        `/posts/:id/${type}`,
        { preHandler: [staff, app.csrfProtection], schema: idParams },
        async (request, reply) => {
          const comment = typeof request.body?.comment === 'string' ? request.body.comment : '';
          const act: Exclude<WorkflowAction, { type: 'edit' }> = type === 'return' || type === 'withdraw' ? { type, comment } : { type };
          const result = await kantor.posts.act(request.params.id, request.user!, act, Number(request.body?.version));
          if (!result.ok) {
            const post = await kantor.posts.get(request.params.id);
            if (!post) return reply.callNotFound();
            return showPost(request, reply, result.status, post, { problems: [result.problem] });
          }
          kantor.feed.invalidate();
          return reply.redirect(`/posts/${encodeURIComponent(request.params.id)}?done=1`, 303);
        },
      );
    }
  };
}
