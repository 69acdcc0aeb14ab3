import { message, type MessageKey } from './i18n/messages';

type Params = Record<string, string | number>;

/**
 * What went wrong, for a person: a stable code for programs and tests, and one
 * sentence in Bahasa Indonesia and one in English, from the catalogue's `problem.<code>`
 * (i18n/messages.ts): the API sends both, a page shows the reader's. Every refusal of
 * the posts, approval and upload rules is one of these, so the API's 4xx body and the
 * page's message come from the same place.
 */

export type ProblemCode = { [K in MessageKey]: K extends `problem.${infer Code}` ? Code : never }[MessageKey];

export interface Problem {
  code: ProblemCode;
  /** The field it is about, as a dot path (`captions.x.1`), when there is one. */
  field?: string;
  id: string;
  en: string;
}

export function problem(code: ProblemCode, params: Params = {}, field?: string): Problem {
  const say = message as (lang: 'id' | 'en', key: MessageKey, params: Params) => string;
  return { code, ...(field !== undefined ? { field } : {}), id: say('id', `problem.${code}`, params), en: say('en', `problem.${code}`, params) };
}

/** `1.5 MB` style sizes for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
