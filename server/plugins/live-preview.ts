import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { LIVE_PREVIEW_SCRIPT } from '../pages/posts/preview-panel';

/**
 * The post form's live preview script, bundled from its source (and so from lib/captions,
 * the extension's caption engine) by esbuild the first time a page asks for it: nothing
 * pre-built to go stale, and it works from a clean clone and in the server-only install
 * (esbuild is a dependency; tsx runs on it too). Same origin, so the CSP's `script-src
 * 'self'` allows it and nothing else.
 */

const ENTRY = fileURLToPath(new URL('../pages/posts/live-preview.client.tsx', import.meta.url));

let bundle: Promise<{ code: string; etag: string }> | null = null;

export function bundleLivePreview(): Promise<{ code: string; etag: string }> {
  bundle ??= import('esbuild')
    .then(({ build }) =>
      build({
        entryPoints: [ENTRY],
        bundle: true,
        write: false,
        format: 'iife',
        jsx: 'automatic',
        minify: true,
        target: 'es2022',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'error',
      }),
    )
    .then((result) => {
      const code = result.outputFiles[0]!.text;
      return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"` };
    })
    .catch((error: unknown) => {
      bundle = null; // a later request tries again
      throw error;
    });
  return bundle;
}

export async function livePreviewPlugin(app: FastifyInstance): Promise<void> {
  app.get(LIVE_PREVIEW_SCRIPT, async (request, reply) => {
    const { code, etag } = await bundleLivePreview();
    reply.headers({ 'Cache-Control': 'no-cache', ETag: etag });
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(code);
  });
}
