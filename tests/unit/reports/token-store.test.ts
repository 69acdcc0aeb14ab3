import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadTokenSources } from '@/lib/reports/outbox-service';
import { moveLegacyTokens, readReportTokens, updateReportTokens, watchReportTokens } from '@/lib/reports/token-store';
import { DEFAULT_SETTINGS, userSettings } from '@/lib/storage';
import { freshShareDb } from './fresh-share-db';

/**
 * Firefox has no storage.local.setAccessLevel: whatever storage.local holds, a content script
 * on x.com can read. The tokens must therefore never be there, on either browser.
 */
async function everythingInStorageLocal(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('report token store', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
  });

  it('keeps tokens out of storage.local, and reads back what was written', async () => {
    await updateReportTokens(() => ({ reportToken: '', reportTokens: { 'https://siar.kominfo.go.id': 'rahasia-kantor' } }));
    expect(await readReportTokens()).toEqual({ reportToken: '', reportTokens: { 'https://siar.kominfo.go.id': 'rahasia-kantor' } });
    expect(await everythingInStorageLocal()).not.toContain('rahasia-kantor');
    // The sender finds it where it looks.
    expect((await loadTokenSources()).settings.reportTokens).toEqual({ 'https://siar.kominfo.go.id': 'rahasia-kantor' });
  });

  it('moves the tokens of earlier builds out of the settings, keeping the rest of them', async () => {
    const reporter = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo' };
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, reporter, language: 'en', reportToken: 'lama-sekali', reportTokens: { 'https://a.go.id': 'token-a', 'https://b.go.id': '' } },
      settings$: { v: 3 },
    });
    await moveLegacyTokens();
    expect(await everythingInStorageLocal()).not.toMatch(/lama-sekali|token-a/);
    expect(await userSettings.getValue()).toEqual({ ...DEFAULT_SETTINGS, reporter, language: 'en' });
    expect(await readReportTokens()).toEqual({ reportToken: 'lama-sekali', reportTokens: { 'https://a.go.id': 'token-a' } });
    // Twice is harmless.
    await moveLegacyTokens();
    expect(await readReportTokens()).toEqual({ reportToken: 'lama-sekali', reportTokens: { 'https://a.go.id': 'token-a' } });
  });

  it('lets a token already moved win over a stale legacy copy of the same origin', async () => {
    await updateReportTokens(() => ({ reportToken: '', reportTokens: { 'https://a.go.id': 'baru' } }));
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, reportTokens: { 'https://a.go.id': 'lama', 'https://b.go.id': 'token-b' } } });
    expect(await readReportTokens()).toEqual({ reportToken: '', reportTokens: { 'https://a.go.id': 'baru', 'https://b.go.id': 'token-b' } });
    expect(await everythingInStorageLocal()).not.toMatch(/lama|token-b|baru/);
  });

  it('tells every watcher that the tokens changed, without telling them the token', async () => {
    const changes: number[] = [];
    const stop = watchReportTokens(() => changes.push(changes.length));
    await updateReportTokens(() => ({ reportToken: '', reportTokens: { 'https://a.go.id': 'satu' } }));
    await updateReportTokens((current) => ({ ...current, reportTokens: { ...current.reportTokens, 'https://b.go.id': 'dua' } }));
    await expect.poll(() => changes.length).toBe(2);
    stop();
    expect(await readReportTokens()).toEqual({ reportToken: '', reportTokens: { 'https://a.go.id': 'satu', 'https://b.go.id': 'dua' } });
    expect(await everythingInStorageLocal()).not.toMatch(/satu|dua/);
  });
});
