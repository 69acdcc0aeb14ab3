import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';

/** The project's own ESLint config, for the meta-tests that prove a lint rule fires. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The first lint loads the parser and every plugin: seconds on a busy machine, once per file. */
export function warmUpEslint(): void {
  beforeAll(() => eslint.lintText('export {};', { filePath: `${root}/tests/unit/warm.ts` }), 60_000);
}

/** The rule ids (or messages) the project's config reports for `code` at `filePath`. */
export async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}
