import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { allowedActions, type WorkflowAction } from '../approval/workflow';
import type { Kantor } from '../context';
import type { Role } from '../db/schema';
import { requestOrigin } from '../http-helpers';
import { checkLink, linkWarning } from '../posts/link-check';
import { isOfficeZone } from '../posts/office-zone';
import { parsePostInput } from '../posts/post-input';
import { previewPost } from '../posts/post-preview';
import { previewContextAt } from '../posts/preview-context';
import { formatBytes, problem, type Problem } from '../problems';
import type { StoredPost } from '../store/post-store';
import { IMAGE_LIMITS, processImage } from '../uploads/process-image';

/**
 * `/api/v1/posts…`: writing, previewing, submitting, approving, returning and
 * withdrawing posts, and image uploads, as JSON for the office's pages and scripts.
 * Every route checks the person's role here and the workflow checks it again; every
 * change needs the session's CSRF token (`X-CSRF-Token` header) and names the version
 * it saw. `/images/:id` serves uploaded images to everyone (they are in the feed).
 */

const ROLE_WORDS: Record<Role, string> = { admin: 'admin', editor: 'penyusun / editor', approver: 'pimpinan / approver' };

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 120 } } } as const;
const postBody = { type: 'object' } as const;
const versioned = (extra: Record<string, unknown> = {}, required: string[] = []) =>
  ({
    type: 'object',
    required: ['version', ...required],
    properties: { version: { type: 'integer', minimum: 1 }, ...extra },
  }) as const;

export function officeZone(kantor: Kantor) {
  return isOfficeZone(kantor.settings.timezone) ? kantor.settings.timezone : 'Asia/Jakarta';
}

export function previewContext(kantor: Kantor, origin: string) {
  return previewContextAt(officeZone(kantor), origin);
}

/** The JSON guard: 401 / 403 with a sentence in both languages (the pages' guard redirects instead). */
export function apiRole(kantor: Kantor, ...roles: Role[]): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (kantor.settings.openDashboard) {
      request.user = { id: 0, name: 'demo', role: 'admin' };
      return;
    }
    const id = request.session.userId;
    const user = id === undefined ? undefined : await kantor.users.byId(id);
    if (!user) return reply.code(401).send({ error: 'sign_in', id: 'Silakan masuk dulu.', en: 'Sign in first.' });
    if (!roles.includes(user.role)) {
      const words = roles.map((role) => ROLE_WORDS[role]).join(', ');
      return reply.code(403).send({ error: 'forbidden_role', id: `Hanya untuk peran: ${words}.`, en: `For these roles only: ${words}.` });
    }
    request.user = user;
  };
}

export function postJson(post: StoredPost, kantor: Kantor, request: FastifyRequest, requiredApprovals: 1 | 2) {
  return {
    id: post.id,
    status: post.state.status,
    version: post.state.version,
    revision: post.state.revision,
    live_revision: post.state.liveRevision,
    author_id: post.state.authorId,
    approvals: post.state.approvals,
    required_approvals: requiredApprovals,
    changed_by: post.state.changedBy,
    changed_at: post.state.changedAt,
    post: post.content,
    allowed: request.user ? allowedActions(post.state, request.user, requiredApprovals) : [],
    preview_url: `${requestOrigin(request)}/posts/${encodeURIComponent(post.id)}`,
  };
}

const refuse = (reply: FastifyReply, status: number, found: Problem) => reply.code(status).send({ error: found.code, problem: found });

export function postsApiPlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(fastifyMultipart, { limits: { fileSize: IMAGE_LIMITS.maxBytes + 1, files: 1, fields: 2 } });
    const staff = apiRole(kantor, 'admin', 'editor', 'approver');
    const writers = apiRole(kantor, 'admin', 'editor');
    const approvers = apiRole(kantor, 'admin', 'approver');
    const admins = apiRole(kantor, 'admin');
    const store = () => kantor.posts;

    app.get('/api/v1/session', { preHandler: staff }, async (request, reply) => ({ user: request.user, csrf: reply.generateCsrf() }));

    app.get('/api/v1/posts', { preHandler: staff }, async (request) => {
      const required = await store().requiredApprovals();
      return { posts: (await store().list()).map((post) => postJson(post, kantor, request, required)) };
    });

    app.get<{ Params: { id: string } }>('/api/v1/posts/:id', { preHandler: staff, schema: { params: idParams } }, async (request, reply) => {
      const post = await store().get(request.params.id);
      if (!post) return refuse(reply, 404, problem('not_found'));
      return postJson(post, kantor, request, await store().requiredApprovals());
    });

    app.post<{ Body: Record<string, unknown> }>('/api/v1/posts', { preHandler: [writers, app.csrfProtection], schema: { body: postBody } }, async (request, reply) => {
      const parsed = parsePostInput(request.body, officeZone(kantor));
      if (!parsed.ok) return reply.code(400).send({ error: 'invalid_post', problems: parsed.problems });
      const result = await store().create(request.user!, parsed.post);
      if (!result.ok) return refuse(reply, result.status, result.problem);
      return reply.code(201).send(postJson(result.post, kantor, request, await store().requiredApprovals()));
    });

    app.put<{ Params: { id: string }; Body: { version: number; post: unknown } }>(
      '/api/v1/posts/:id',
      { preHandler: [writers, app.csrfProtection], schema: { params: idParams, body: versioned({ post: { type: 'object' } }, ['post']) } },
      async (request, reply) => {
        const parsed = parsePostInput(request.body.post, officeZone(kantor));
        if (!parsed.ok) return reply.code(400).send({ error: 'invalid_post', problems: parsed.problems });
        const result = await store().edit(request.params.id, request.user!, request.body.version, parsed.post);
        if (!result.ok) return refuse(reply, result.status, result.problem);
        return postJson(result.post, kantor, request, await store().requiredApprovals());
      },
    );

    /** The live preview and the warnings, for a post as typed (not saved). `check_link` asks the link. */
    app.post<{ Body: { post: unknown; check_link?: boolean } }>(
      '/api/v1/posts/preview',
      {
        preHandler: [staff, app.csrfProtection],
        schema: { body: { type: 'object', required: ['post'], properties: { post: { type: 'object' }, check_link: { type: 'boolean' } } } },
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const parsed = parsePostInput(request.body.post, officeZone(kantor));
        if (!parsed.ok) return reply.code(400).send({ error: 'invalid_post', problems: parsed.problems });
        const preview = previewPost(parsed.post, previewContext(kantor, requestOrigin(request)));
        if (request.body.check_link && parsed.post.link) {
          const warning = linkWarning(await checkLink(parsed.post.link, { allowPrivate: kantor.settings.allowPrivateLinks }));
          if (warning) preview.warnings.push(warning);
        }
        return { platforms: preview.platforms, warnings: preview.warnings, blocking: preview.blocking };
      },
    );

    const action = (type: Exclude<WorkflowAction['type'], 'edit'>, guard: preHandlerAsyncHookHandler) =>
      app.post<{ Params: { id: string }; Body: { version: number; comment?: string } }>(
        `/api/v1/posts/:id/${type}`,
        {
          preHandler: [guard, app.csrfProtection],
          schema: { params: idParams, body: versioned({ comment: { type: 'string', maxLength: 2000 } }) },
        },
        async (request, reply) => {
          const comment = request.body.comment ?? '';
          const act = type === 'return' ? { type, comment } : type === 'withdraw' ? { type, comment } : { type };
          const result = await store().act(request.params.id, request.user!, act, request.body.version);
          if (!result.ok) return refuse(reply, result.status, result.problem);
          kantor.feed.invalidate();
          return postJson(result.post, kantor, request, await store().requiredApprovals());
        },
      );
    action('submit', writers);
    action('approve', approvers);
    action('return', approvers);
    action('withdraw', approvers);

    app.put<{ Body: { required_approvals: 1 | 2 } }>(
      '/api/v1/settings/approvals',
      { preHandler: [admins, app.csrfProtection], schema: { body: { type: 'object', required: ['required_approvals'], properties: { required_approvals: { enum: [1, 2] } } } } },
      async (request) => {
        await store().setRequiredApprovals(request.body.required_approvals, request.user!);
        return { required_approvals: await store().requiredApprovals() };
      },
    );

    app.post('/api/v1/images', { preHandler: [writers, app.csrfProtection] }, async (request, reply) => {
      const file = await request.file({ throwFileSizeLimit: false });
      if (!file) return refuse(reply, 400, problem('image_empty', {}, 'image'));
      const bytes = await file.toBuffer();
      if (file.file.truncated) {
        const max = formatBytes(IMAGE_LIMITS.maxBytes);
        return refuse(reply, 413, problem('image_too_large', { size: `> ${max}`, max }, 'image'));
      }
      const result = await processImage(bytes);
      if (!result.ok) return refuse(reply, result.problem.code === 'image_too_large' ? 413 : 400, result.problem);
      const id = await kantor.images.save(result.image, request.user!.name);
      return reply.code(201).send({ id, type: result.image.type, width: result.image.width, height: result.image.height, url: `${requestOrigin(request)}/images/${id}` });
    });

    app.get<{ Params: { id: string } }>(
      '/images/:id',
      { helmet: false, schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } } },
      async (request, reply) => {
        const image = await kantor.images.get(request.params.id);
        if (!image) return reply.callNotFound();
        // The name is the content's hash: the bytes never change.
        return reply
          .headers({ 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*' })
          .type(image.type)
          .send(image.bytes);
      },
    );
  };
}
