import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { FIXTURES_DIR, fixtureBundle, type FakeApi } from '../e2e/support/site-fixtures';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function parseBody(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The Firefox twin of `serveSite` (tests/e2e/support/site-fixtures.ts): the same look-alike
 * page, bundle and fake API at the site's real origin, through BiDi request interception
 * (`network.addIntercept`), since no request of this page reaches the network.
 */
export async function serveSiteInFirefox(page: Page, site: string, origin: string): Promise<void> {
  const html = readFileSync(join(FIXTURES_DIR, site, 'index.html'), 'utf8');
  const apiFile = join(FIXTURES_DIR, site, 'api.ts');
  const api: FakeApi | null = existsSync(apiFile) ? ((await import(apiFile)) as { api: FakeApi }).api : null;
  const bundle = await fixtureBundle(site);
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request).catch((error: unknown) => console.error('fixture', request.url(), error)));

  async function answer(request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    if (url.origin !== origin) return request.continue();
    if (request.method() === 'OPTIONS') return request.respond({ status: 204, headers: CORS });
    if (url.pathname === '/__fixture/app.js') return request.respond({ body: bundle, contentType: 'application/javascript; charset=utf-8' });
    const reply = api?.({ url, method: request.method(), pageUrl: page.url(), body: parseBody(await request.fetchPostData()) });
    if (reply) return request.respond({ status: reply.status ?? 200, headers: CORS, contentType: 'application/json', body: JSON.stringify(reply.json) });
    if (request.isNavigationRequest()) return request.respond({ body: html, contentType: 'text/html; charset=utf-8' });
    return request.respond({ status: 404, body: '' });
  }
}
