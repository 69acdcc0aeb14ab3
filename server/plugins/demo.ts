import type { FastifyInstance } from 'fastify';
import { demoArticlePage, demoPoster } from '../demo-pages';
import { CORS_SIMPLE } from '../http-helpers';

/** The demo posts' article pages and posters, so that the demo needs no internet. */
export async function demoPlugin(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { name: string } }>('/demo/images/:name', { helmet: false }, async (request, reply) => {
    const match = /^(\w+)\.svg$/.exec(request.params.name);
    const svg = match ? demoPoster(match[1]!) : null;
    if (!svg) return reply.callNotFound();
    return reply.headers({ ...CORS_SIMPLE, 'Cache-Control': 'public, max-age=86400' }).type('image/svg+xml').send(svg);
  });
  app.get<{ Params: { slug: string } }>('/demo/artikel/:slug', async (request, reply) => {
    const html = demoArticlePage(request.params.slug);
    if (!html) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
