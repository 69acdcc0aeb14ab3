import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground } from '@/lib/sites/content/to-background';

/**
 * The content scripts' lean sender against the background's real `messenger.onMessage`
 * (@webext-core/messaging with its webextension-polyfill, which answers through
 * `sendResponse` as Chrome expects). The fake browser stands in as `chrome` only, so that
 * the polyfill wraps it instead of handing it through unwrapped.
 */
let messenger: typeof import('@/lib/messaging').messenger;

describe('sendToBackground', () => {
  beforeAll(async () => {
    vi.resetModules();
    vi.stubGlobal('browser', undefined);
    ({ messenger } = await import('@/lib/messaging'));
    vi.stubGlobal('browser', fakeBrowser);
  });
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => messenger.removeAllListeners());

  it('reaches the background’s listener with its data and returns its answer', async () => {
    const seen: unknown[] = [];
    messenger.onMessage('siteStep', ({ data }) => {
      seen.push(data);
      return { outdated: data.ok === false };
    });
    await expect(sendToBackground('siteStep', { platform: 'x', step: 'composer', ok: false })).resolves.toEqual({ outdated: true });
    await expect(sendToBackground('siteStep', { platform: 'linkedin', step: 'caption', ok: true })).resolves.toEqual({ outdated: false });
    expect(seen).toEqual([
      { platform: 'x', step: 'composer', ok: false },
      { platform: 'linkedin', step: 'caption', ok: true },
    ]);
  });

  it('waits for an async answer', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    messenger.onMessage('siteStep', async () => {
      await held;
      return { outdated: true };
    });
    const answer = sendToBackground('siteStep', { platform: 'x', step: 'publish', ok: false });
    release();
    await expect(answer).resolves.toEqual({ outdated: true });
  });

  it('rejects with the background’s error message, thrown or rejected', async () => {
    messenger.onMessage('siteListItems', () => {
      throw new Error('not from a social site tab');
    });
    messenger.onMessage('siteInsertRequest', async () => {
      await Promise.resolve();
      throw new Error('unknown item');
    });
    await expect(sendToBackground('siteListItems', { platform: 'x' })).rejects.toThrow('not from a social site tab');
    await expect(sendToBackground('siteInsertRequest', { platform: 'x', feedUrl: 'https://siar.example.go.id/feed.json', itemId: 'a' })).rejects.toThrow('unknown item');
  });

  it('rejects when nothing answers', async () => {
    await expect(sendToBackground('siteListItems', { platform: 'x' })).rejects.toThrow();
  });
});
