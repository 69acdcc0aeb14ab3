import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { safeUrl } from '../../lib/feed/safe-url';
import { problem, type Problem } from '../problems';
import type { Language } from '../../lib/i18n';
import { message } from '../i18n/messages';

/**
 * "Does the post's link answer?", asked by the server before an editor submits.
 * A warning only: a news site may be down for a minute. The editor's URL is fetched
 * by the office's machine, so addresses inside the office's network (and the cloud
 * metadata address) are refused unless the office allows them (a demo on loopback),
 * no body is read, redirects are followed a few times and each is checked again.
 */

export type LinkCheck =
  | { ok: true; status: number }
  | { ok: false; reason: 'timeout' | 'network' | 'status' | 'private_address' | 'unsafe_url' | 'too_many_redirects'; status?: number };

export interface LinkCheckOptions {
  timeoutMs?: number;
  /** Allow loopback and private addresses (tests, a demo on one machine). */
  allowPrivate?: boolean;
  fetch?: typeof fetch;
  resolve?: (hostname: string) => Promise<string[]>;
}

const MAX_REDIRECTS = 5;

async function resolveAll(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true })).map((entry) => entry.address);
}

/** Only ordinary public unicast addresses: not loopback, private, link-local, CGNAT, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

async function allowedHost(url: URL, options: LinkCheckOptions): Promise<boolean> {
  if (options.allowPrivate) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await (options.resolve ?? resolveAll)(host);
  return addresses.length > 0 && addresses.every(isPublicAddress);
}

/** A status that means the page is there: 2xx, or a refusal of HEAD / of robots (401, 403, 405, 429). */
const ANSWERS = (status: number) => (status >= 200 && status < 300) || [401, 403, 405, 429].includes(status);

export async function checkLink(link: string, options: LinkCheckOptions = {}): Promise<LinkCheck> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  let url = safeUrl(link);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!url) return { ok: false, reason: 'unsafe_url' };
      const target = new URL(url);
      if (!(await allowedHost(target, options))) return { ok: false, reason: 'private_address' };
      // HEAD first; some servers answer HEAD wrongly, so a refusal is retried as a GET whose body is dropped.
      let response = await doFetch(target, { method: 'HEAD', redirect: 'manual', signal });
      if (response.status === 405 || response.status === 501) {
        response = await doFetch(target, { method: 'GET', redirect: 'manual', signal, headers: { range: 'bytes=0-0' } });
        await response.body?.cancel();
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = safeUrl(location, target.href);
        continue;
      }
      return ANSWERS(response.status) ? { ok: true, status: response.status } : { ok: false, reason: 'status', status: response.status };
    }
    return { ok: false, reason: 'too_many_redirects' };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}

/** The warning shown to the editor, both languages (the catalogue's `link.*`); null when the link answered. */
export function linkWarning(check: LinkCheck, timeoutMs = 5000): Problem | null {
  if (check.ok) return null;
  const reason = (lang: Language) =>
    check.reason === 'timeout'
      ? message(lang, 'link.timeout', { seconds: timeoutMs / 1000 })
      : check.reason === 'status'
        ? message(lang, 'link.status', { status: check.status ?? 0 })
        : message(lang, `link.${check.reason}`);
  return problem('link_unreachable', { reason_id: reason('id'), reason_en: reason('en') }, 'link');
}
