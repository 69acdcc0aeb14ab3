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
