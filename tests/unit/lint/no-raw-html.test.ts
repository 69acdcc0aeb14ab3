import { describe, expect, it } from 'vitest';
import { ruleIds, warmUpEslint } from './project-eslint';

/** The lint rule is the guard of docs/protocol.md §2.4: prove it fails on a violation, with the project's own config. */
warmUpEslint();

// The first lint loads the project's whole ESLint config (typescript-eslint): seconds on a busy machine.
describe('raw HTML is a lint error outside the sanitizing helper', { timeout: 30_000 }, () => {
  it.each([
    ['innerHTML', 'export function f(el: Element, html: string) { el.innerHTML = html; }', 'lib/feed/evil.ts'],
    ['computed innerHTML', "export function f(el: Element, html: string) { el['innerHTML'] = html; }", 'lib/evil.ts'],
    ['outerHTML', 'export function f(el: Element, html: string) { el.outerHTML = html; }', 'components/popup/evil.ts'],
    ['insertAdjacentHTML', "export function f(el: Element, html: string) { el.insertAdjacentHTML('beforeend', html); }", 'lib/evil.ts'],
    ['document.write', 'export function f(html: string) { document.write(html); }', 'entrypoints/popup/evil.ts'],
    [
      'dangerouslySetInnerHTML',
      'export function Evil({ html }: { html: string }) { return <div dangerouslySetInnerHTML={{ __html: html }} />; }',
      'components/popup/Evil.tsx',
    ],
  ])('%s fails the lint', async (_label, code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-syntax');
  });

  it('allows it in lib/safe-html.ts and components/SafeHtml.tsx only', async () => {
    expect(await ruleIds('export function f(el: Element, html: string) { el.innerHTML = html; }', 'lib/safe-html.ts')).toEqual([]);
    expect(
      await ruleIds(
        'export function SafeHtml({ html }: { html: string }) { return <div dangerouslySetInnerHTML={{ __html: html }} />; }',
        'components/SafeHtml.tsx',
      ),
    ).toEqual([]);
  });

  it.each([
    ['entrypoints/x.content/index.ts', "import { sanitizeFeedHtml } from '@/lib/safe-html';\nexport const s = sanitizeFeedHtml;"],
    ['entrypoints/x.content.ts', "import DOMPurify from 'dompurify';\nexport const d = DOMPurify;"],
    ['lib/sites/adapters/x.ts', "import { SafeHtml } from '@/components/SafeHtml';\nexport const s = SafeHtml;"],
  ])('content script %s may not import the sanitizer at all', async (file, code) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });
});
