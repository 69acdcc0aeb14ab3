// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/home"}
import { expect, it } from 'vitest';
import { sanitizeFeedHtml } from '@/lib/safe-html';

it('refuses to render feed HTML on a web page (a content script on a social site)', () => {
  expect(() => sanitizeFeedHtml('<p>x</p>')).toThrow(/extension pages only/);
});
