import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, EXTENSION_DIR, TMP_DIR } from './paths';
import { mkdirSync } from 'node:fs';

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
}

export function newProfileDir(): string {
  mkdirSync(TMP_DIR, { recursive: true });
  return mkdtempSync(join(TMP_DIR, 'profile-'));
}

/** Chromium with the built extension, headless, as DEVELOPERS.md describes. */
export async function launchWithExtension(userDataDir = newProfileDir(), options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<LaunchedExtension> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: options.locale ?? 'id-ID',
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--lang=${options.locale ?? 'id-ID'}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}
