import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { Language } from '../../lib/i18n';

/**
 * The language of a staff page, per request: the `lang` cookie the page header's switch
 * sets (GET /lang/:lang, plugins/language.ts), else the browser's Accept-Language, else
 * Bahasa Indonesia.
 */

export const LANGUAGE_COOKIE = 'lang';

/** The cookie read from the header itself: error pages answer before (or outside) the cookie plugin's context. */
function cookieLanguage(header: string | undefined): Language | null {
  const match = header ? /(?:^|;\s*)lang=(id|en)(?:;|$)/.exec(header) : null;
  return match ? (match[1] as Language) : null;
}

export function requestLanguage(request: Pick<FastifyRequest, 'headers'>): Language {
  const chosen = cookieLanguage(request.headers.cookie);
  if (chosen) return chosen;
  // "in" is the old ISO code of Indonesian, still sent by some Android browsers.
  const asked = new Negotiator({ headers: { 'accept-language': request.headers['accept-language'] } }).language(['id', 'en', 'in']);
  return asked === 'en' ? 'en' : 'id';
}
