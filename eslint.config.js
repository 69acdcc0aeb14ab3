import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Feed data reaches HTML only through lib/safe-html.ts (PROTOCOL §2.4, STYLE habit 8). */
const noRawHtml = [
  'error',
  {
    selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Use lib/safe-html.ts: raw innerHTML / outerHTML is not allowed.',
  },
  {
    selector: "MemberExpression[computed=true][property.value=/^(innerHTML|outerHTML)$/]",
    message: 'Use lib/safe-html.ts: raw innerHTML / outerHTML is not allowed.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]",
    message: 'Use lib/safe-html.ts: writing raw HTML is not allowed.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Use lib/safe-html.ts: document.write is not allowed.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Use components/SafeHtml.tsx: dangerouslySetInnerHTML is not allowed elsewhere.',
  },
];

/**
 * Tests wait for the event or the state they stand for (expect.poll, waitForResponse, an
 * emitter), never for a fixed time: a sleep passes when the awaited thing never happens
 * (issue 14). A sleep is `waitForTimeout`, `setTimeout(resolve, ms)` handing a promise's
 * resolver to the clock, or the promise form of timers.
 */
const noSleep = [
  {
    selector: "CallExpression[callee.property.name='waitForTimeout']",
    message: 'No fixed sleeps in tests: wait for the event or state (expect.poll, waitForResponse, a storage change).',
  },
  {
    selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']",
    message: 'No fixed sleeps in tests: `setTimeout(resolve, ms)` waits for a clock, not for what you expect.',
  },
  {
    selector: "NewExpression[callee.name='Promise'] > ArrowFunctionExpression > CallExpression[callee.name='setTimeout']",
    message: 'No fixed sleeps in tests: wait for the event or state instead of a timer.',
  },
  {
    selector: "ImportDeclaration[source.value=/^(node:)?timers\\/promises$/]",
    message: 'No fixed sleeps in tests: timers/promises is a sleep.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/.tmp/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': noRawHtml,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Playwright fixtures take `{}` as their first parameter by design.
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': [...noRawHtml, ...noSleep] },
  },
  {
    files: ['lib/safe-html.ts', 'components/SafeHtml.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Feed HTML is never rendered inside a content script on a social site (PROTOCOL §2.4).
    files: ['entrypoints/*.content.{ts,tsx}', 'entrypoints/*.content/**/*.{ts,tsx}', 'lib/sites/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/safe-html', '**/SafeHtml', 'dompurify'],
              message: 'Feed HTML is not rendered in content scripts: show plain text there.',
            },
          ],
        },
      ],
    },
  },
);
