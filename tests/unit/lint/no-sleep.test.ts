import { describe, expect, it } from 'vitest';
import { ruleIds, warmUpEslint } from './project-eslint';

/** Issue 14: a fixed sleep in a test is a lint error; prove it with the project's own config. */
warmUpEslint();

describe('fixed sleeps fail the lint in tests', () => {
  it.each([
    ['waitForTimeout', "import type { Page } from '@playwright/test';\nexport async function f(page: Page) { await page.waitForTimeout(1000); }", 'tests/e2e/evil.spec.ts'],
    ['a promise around setTimeout', 'export async function f() { await new Promise((resolve) => setTimeout(resolve, 300)); }', 'tests/e2e/sites/evil.spec.ts'],
    ['a promise around setTimeout, other shape', 'export async function f() { await new Promise<void>((r) => setTimeout(() => r(), 300)); }', 'tests/e2e/support/evil.ts'],
    ['setTimeout handed a resolver', 'export function f(done: () => void) { setTimeout(done, 300); }', 'tests/unit/evil.test.ts'],
    ['timers/promises', "import { setTimeout as sleep } from 'node:timers/promises';\nexport const f = () => sleep(300);", 'tests/firefox/evil.spec.ts'],
  ])('%s', async (_label, code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-syntax');
  });

  it('still allows a timeout that rejects a wait for an event, and leaves app code alone', async () => {
    const eventWait =
      "import { EventEmitter } from 'node:events';\nexport function f(e: EventEmitter) { return new Promise<void>((resolve, reject) => { const t = setTimeout(() => reject(new Error('late')), 1000); e.once('x', () => { clearTimeout(t); resolve(); }); }); }";
    expect(await ruleIds(eventWait, 'tests/e2e/support/ok.ts')).toEqual([]);
    expect(await ruleIds('export async function f() { await new Promise((resolve) => setTimeout(resolve, 300)); }', 'lib/reports/ok.ts')).toEqual([]);
  });
});
