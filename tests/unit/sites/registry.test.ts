// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, platformOfUrl, SITE_ADAPTERS } from '@/lib/sites/registry';
import { WATCHED_HOSTS } from '@/lib/sites/watched-hosts';

/** The meta-test of STYLE habit 9: every adapter is registered, has its entrypoint, fixture and e2e spec. */

const ROOT = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const specs = readdirSync(join(ROOT, 'tests/e2e/sites'))
  .filter((file) => file.endsWith('.spec.ts'))
  .map((file) => read(`tests/e2e/sites/${file}`))
  .join('\n');

describe('site adapters', () => {
  it('registers every adapter file of lib/sites/adapters, once', () => {
    const declared = readdirSync(join(ROOT, 'lib/sites/adapters'))
      .filter((file) => /export const \w+Adapter: SiteAdapter/.test(read(`lib/sites/adapters/${file}`)))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(SITE_ADAPTERS.map((adapter) => adapter.platform).sort()).toEqual(declared);
    expect(declared).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'telegram', 'threads', 'whatsapp', 'x']);
  });

  it.each(SITE_ADAPTERS.map((adapter) => [adapter.platform, adapter] as const))('%s has its entrypoint, fixture and e2e spec', (platform) => {
    const entry = `entrypoints/${platform}.content/index.ts`;
    expect(existsSync(join(ROOT, entry)), entry).toBe(true);
    expect(read(entry)).toContain(`@/lib/sites/adapters/${platform}'`);
    expect(read(entry)).toContain('runSite(ctx,');
    const fixture = `tests/fixtures/sites/${platform}`;
    expect(existsSync(join(ROOT, fixture, 'index.html')), `${fixture}/index.html`).toBe(true);
    expect(['app.js', 'app.jsx'].some((name) => existsSync(join(ROOT, fixture, name))), `${fixture}/app.js(x)`).toBe(true);
    expect(specs).toMatch(new RegExp(`serveSite\\(siar\\.context, '${platform}'`));
  });

  it.each(SITE_ADAPTERS.map((adapter) => [adapter.platform, adapter] as const))('%s lists its candidates per role, each with where and when it was seen', (_platform, adapter) => {
    expect(Object.keys(adapter.candidates).sort()).toEqual(['composer', 'confirmation', 'permalink', 'submit']);
    expect(adapter.candidates.composer.length).toBeGreaterThan(0);
    expect(adapter.candidates.submit.length).toBeGreaterThan(0);
    for (const candidate of Object.values(adapter.candidates).flat()) {
      expect(() => document.querySelector(candidate.css), candidate.css).not.toThrow();
      expect(candidate.seen.length, candidate.css).toBeGreaterThan(10);
    }
  });

  it.each(SITE_ADAPTERS.map((adapter) => [adapter.platform] as const))('%s has at least two fixture variants, each cited', (platform) => {
    const dir = `tests/fixtures/sites/${platform}`;
    const app = ['app.js', 'app.jsx'].map((name) => join(dir, name)).find((path) => existsSync(join(ROOT, path)))!;
    const source = read(app);
    // Each fixture names its structures ("Two …" / "both clients") and the sources they come from, with dates.
    expect(source).toMatch(/Two |both clients/);
    expect(source).toMatch(/20\d\d/);
  });

  it('has no content-script entrypoint without an adapter (besides the page-world watcher)', () => {
    const entries = readdirSync(join(ROOT, 'entrypoints'))
      .filter((name) => name.endsWith('.content'))
      .map((name) => name.replace(/\.content$/, ''))
      .filter((name) => name !== 'page-watcher');
    expect(entries.sort()).toEqual(SITE_ADAPTERS.map((adapter) => adapter.platform).sort());
  });

  it('gives every host to one platform only', () => {
    const hosts = SITE_ADAPTERS.flatMap((adapter) => adapter.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('lets the page-world watcher run exactly on the fixed hosts of `network` sites (Mastodon registers it itself)', () => {
    const network = SITE_ADAPTERS.filter((adapter) => adapter.signal === 'network').flatMap((adapter) => adapter.hosts);
    expect([...WATCHED_HOSTS].sort()).toEqual(network.sort());
    for (const adapter of SITE_ADAPTERS.filter((candidate) => candidate.signal === 'network')) {
      expect(adapter.permalinkFromAnswer, adapter.platform).toBeTypeOf('function');
    }
  });
});

describe('platformOfUrl', () => {
  const mastodon = ['https://mastodon.go.id'];
  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/intent/tweet', 'x'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://web.whatsapp.com/send?text=a', 'whatsapp'],
    ['https://web.telegram.org/a/', 'telegram'],
    ['https://bsky.app/intent/compose', 'bluesky'],
    ['https://www.threads.net/', 'threads'],
    ['https://mastodon.go.id/home', 'mastodon'],
    ['http://x.com/home', null],
    ['https://x.com.evil.example/home', null],
    ['https://evilx.com/', null],
    ['https://mastodon.social/home', null],
    ['not a url', null],
  ])('%s → %s', (url, platform) => {
    expect(platformOfUrl(url, mastodon)).toBe(platform);
  });

  it('finds each adapter by platform', () => {
    expect(adapterFor('x')?.platform).toBe('x');
    expect(adapterFor('tiktok')).toBeNull();
  });
});
