import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Kantor } from '../context';
import type { Role } from '../db/schema';
import { accountPage, loginPage } from '../pages/auth-pages';
import { message } from '../i18n/messages';
import { frameOf, messagePage } from '../pages/layout';
import { DatabaseSessionStore, SESSION_LIFETIME_MS } from '../store/sessions';
import { LOGIN_FAILURES_ALLOWED, UserError, type User } from '../store/users';

/**
 * Sign-in for the office's staff: @fastify/session with sessions in the database,
 * @fastify/csrf-protection on every form, failed sign-ins throttled per account and per
 * address (rows in `login_failures`, so every process sees them), and `requireRole` as
 * the preHandler of every staff route: roles are checked on the server, not only hidden.
 */

declare module 'fastify' {
  interface Session {
    userId?: number;
  }
  interface FastifyRequest {
    user?: User;
  }
  interface FastifyInstance {
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
  }
}

const DEMO_USER: User = { id: 0, name: 'demo', role: 'admin' };

export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : '/dashboard';
}

export const authPlugin = (kantor: Kantor, sessionSecret: string) =>
  fp(async (app: FastifyInstance) => {
    const store = new DatabaseSessionStore(kantor.siar.db);
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: sessionSecret,
      cookieName: 'siar_session',
      store,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: kantor.settings.secureCookies ? true : 'auto', path: '/', maxAge: SESSION_LIFETIME_MS },
    });
    await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
    await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    const prune = setInterval(() => void store.prune().catch(() => undefined), 3600_000);
    prune.unref();
    app.addHook('onClose', async () => clearInterval(prune));

    app.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => {
      return async function requireRole(request: FastifyRequest, reply: FastifyReply) {
        if (kantor.settings.openDashboard) {
          request.user = DEMO_USER;
          return;
        }
        const id = request.session.userId;
        const user = id === undefined ? undefined : await kantor.users.byId(id);
        if (!user) {
          if (request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
          const frame = frameOf(request);
          return reply.code(401).type('text/html; charset=utf-8').send(messagePage(frame, message(frame.lang, 'error.signInFirst')));
        }
        if (!roles.includes(user.role)) {
          const frame = frameOf(request);
          return reply
            .code(403)
            .type('text/html; charset=utf-8')
            .send(messagePage(frame, message(frame.lang, 'error.roleOnly', { roles: roles.join(', ') })));
        }
        request.user = user;
      };
    });

    const loginSchema = {
      body: {
        type: 'object',
        required: ['name', 'password'],
        properties: { name: { type: 'string', maxLength: 200 }, password: { type: 'string', maxLength: 1000 }, next: { type: 'string', maxLength: 2000 } },
      },
      querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } },
    } as const;

    app.get<{ Querystring: { next?: string } }>('/login', { schema: { querystring: loginSchema.querystring } }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(loginPage(frameOf(request), { csrf: reply.generateCsrf(), next: safeNext(request.query.next) })),
    );

    app.post<{ Body: { name: string; password: string; next?: string } }>(
      '/login',
      { schema: { body: loginSchema.body }, preHandler: app.csrfProtection, config: { rateLimit: { max: 30, timeWindow: '15 minutes' } } },
      async (request, reply) => {
        const { name, password } = request.body;
        const next = safeNext(request.body.next);
        const again = (status: number, error: 'wrong' | 'throttled') =>
          reply.code(status).type('text/html; charset=utf-8').send(loginPage(frameOf(request), { csrf: reply.generateCsrf(), next, name, error }));
        if ((await kantor.users.recentFailures(name, request.ip)) >= LOGIN_FAILURES_ALLOWED) {
          return again(429, 'throttled');
        }
        const user = await kantor.users.signIn(name, password, request.ip);
        if (!user) return again(401, 'wrong');
        // A new session id at sign-in: a session fixed before it is worth nothing after.
        await request.session.regenerate();
        request.session.userId = user.id;
        return reply.redirect(next, 303);
      },
    );

    app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
      await request.session.destroy();
      return reply.redirect('/login', 303);
    });

    const staff = app.requireRole('admin', 'editor', 'approver');
    app.get('/account', { preHandler: staff }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(accountPage(frameOf(request, { user: request.user!, csrf: reply.generateCsrf() }))),
    );

    app.post<{ Body: { current: string; password: string; repeat: string } }>(
      '/account/password',
      {
        preHandler: [staff, app.csrfProtection],
        schema: {
          body: {
            type: 'object',
            required: ['current', 'password', 'repeat'],
            properties: { current: { type: 'string', maxLength: 1000 }, password: { type: 'string', maxLength: 1000 }, repeat: { type: 'string', maxLength: 1000 } },
          },
        },
      },
      async (request, reply) => {
        const { current, password, repeat } = request.body;
        const show = (status: number, outcome: 'changed' | 'wrong_password' | 'short_password' | 'mismatch') =>
          reply.code(status).type('text/html; charset=utf-8').send(accountPage(frameOf(request, { user: request.user!, csrf: reply.generateCsrf() }), outcome));
        if (password !== repeat) return show(400, 'mismatch');
        try {
          await kantor.users.changePassword(request.user!.id, current, password);
        } catch (error) {
          if (error instanceof UserError && (error.message === 'wrong_password' || error.message === 'short_password')) return show(400, error.message);
          throw error;
        }
        return show(200, 'changed');
      },
    );
  });
