import type { MessageKey } from '../i18n';
import { normalizeHashtags } from './normalize';
import { safeUrl } from './safe-url';
import { decodeBase64 } from './signature';
import type { Subscription } from './types';

/** What the options page's "add a feed" form holds, as typed. */
export interface SubscriptionForm {
  url: string;
  publicKey: string;
  name: string;
  timezone: string;
  hashtags: string;
  reportUrl: string;
}

export const EMPTY_FORM: SubscriptionForm = { url: '', publicKey: '', name: '', timezone: '', hashtags: '', reportUrl: '' };

/** The zones of Indonesia, offered for RSS / Atom / plain JSON Feed (docs/protocol.md §1 `timezone`). */
export const INDONESIAN_ZONES = [
  { zone: 'Asia/Jakarta', key: 'feedTimezoneWIB' },
  { zone: 'Asia/Makassar', key: 'feedTimezoneWITA' },
  { zone: 'Asia/Jayapura', key: 'feedTimezoneWIT' },
] as const satisfies readonly { zone: string; key: MessageKey }[];

export type FormField = 'url' | 'publicKey' | 'reportUrl';

export type FormResult =
  | { ok: true; subscription: Subscription }
  | { ok: false; field: FormField; error: MessageKey };

/** docs/protocol.md §1: base64 of a raw 32-byte Ed25519 public key. */
export function isPublicKey(text: string): boolean {
  try {
    return decodeBase64(text).byteLength === 32;
  } catch {
    return false;
  }
}

/** Checks the form and turns it into a subscription; empty optional fields are left out. */
export function subscriptionFromForm(form: SubscriptionForm, subscribedUrls: readonly string[]): FormResult {
  const url = safeUrl(form.url);
  if (!url) return { ok: false, field: 'url', error: 'feedUrlInvalid' };
  if (subscribedUrls.includes(url)) return { ok: false, field: 'url', error: 'feedUrlDuplicate' };
  const publicKey = form.publicKey.replace(/\s+/g, '');
  if (publicKey && !isPublicKey(publicKey)) return { ok: false, field: 'publicKey', error: 'feedKeyInvalid' };
  const reportUrl = form.reportUrl.trim() ? safeUrl(form.reportUrl) : '';
  if (reportUrl === null) return { ok: false, field: 'reportUrl', error: 'feedReportUrlInvalid' };
  const hashtags = normalizeHashtags(form.hashtags.split(/[\s,]+/));
  const subscription: Subscription = { url };
  if (form.name.trim()) subscription.name = form.name.trim();
  if (publicKey) subscription.public_key = publicKey;
  if (reportUrl) subscription.report_url = reportUrl;
  if (form.timezone) subscription.timezone = form.timezone;
  if (hashtags.length > 0) subscription.hashtags = hashtags;
  return { ok: true, subscription };
}

/** The origins a new subscription needs to be read (and reported to), asked for in one prompt. */
export function originsToRequest(subscription: Subscription, isLoopback: (host: string) => boolean): string[] {
  const origins = new Set<string>();
  for (const address of [subscription.url, subscription.report_url]) {
    if (!address) continue;
    const url = new URL(address);
    if (!isLoopback(url.hostname)) origins.add(`${url.origin}/*`);
  }
  return [...origins];
}
